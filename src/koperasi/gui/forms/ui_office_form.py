# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

class Ui_OfficeForm(object):
    def setupUi(self, OfficeForm):
        if not OfficeForm.objectName():
            OfficeForm.setObjectName(u"OfficeForm")
        OfficeForm.resize(480, 300)
        self.formLayout = QFormLayout(OfficeForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(OfficeForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(OfficeForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.codeLabel = QLabel(OfficeForm)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(OfficeForm)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(6)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.kabupatenLabel = QLabel(OfficeForm)
        self.kabupatenLabel.setObjectName(u"kabupatenLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kabupatenLabel)

        self.kabupatenCombo = QComboBox(OfficeForm)
        self.kabupatenCombo.setObjectName(u"kabupatenCombo")
        self.kabupatenCombo.setEditable(True)
        self.kabupatenCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kabupatenCombo.setMaxVisibleItems(15)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kabupatenCombo)

        self.kecamatanLabel = QLabel(OfficeForm)
        self.kecamatanLabel.setObjectName(u"kecamatanLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kecamatanLabel)

        self.kecamatanCombo = QComboBox(OfficeForm)
        self.kecamatanCombo.setObjectName(u"kecamatanCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kecamatanCombo)

        self.addressLabel = QLabel(OfficeForm)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(OfficeForm)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(250)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(OfficeForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(OfficeForm)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(20)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.chairLabel = QLabel(OfficeForm)
        self.chairLabel.setObjectName(u"chairLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairEdit = QLineEdit(OfficeForm)
        self.chairEdit.setObjectName(u"chairEdit")
        self.chairEdit.setMaxLength(120)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.treasurerLabel = QLabel(OfficeForm)
        self.treasurerLabel.setObjectName(u"treasurerLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.treasurerLabel)

        self.treasurerEdit = QLineEdit(OfficeForm)
        self.treasurerEdit.setObjectName(u"treasurerEdit")
        self.treasurerEdit.setMaxLength(120)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.treasurerEdit)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.kabupatenLabel.setBuddy(self.kabupatenCombo)
        self.kecamatanLabel.setBuddy(self.kecamatanCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.chairLabel.setBuddy(self.chairEdit)
        self.treasurerLabel.setBuddy(self.treasurerEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.kabupatenCombo)
        QWidget.setTabOrder(self.kabupatenCombo, self.kecamatanCombo)
        QWidget.setTabOrder(self.kecamatanCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.chairEdit)
        QWidget.setTabOrder(self.chairEdit, self.treasurerEdit)

        self.retranslateUi(OfficeForm)

        QMetaObject.connectSlotsByName(OfficeForm)
    # setupUi

    def retranslateUi(self, OfficeForm):
        self.nameLabel.setText(QCoreApplication.translate("OfficeForm", u"&Nama kantor:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"contoh: Koperasi Berdaya Sarolangun", None))
        self.codeLabel.setText(QCoreApplication.translate("OfficeForm", u"&Kode kantor:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"2\u20136 huruf, dipakai di nomor kwitansi (contoh: SRL)", None))
        self.kabupatenLabel.setText(QCoreApplication.translate("OfficeForm", u"Ka&bupaten/kota:", None))
#if QT_CONFIG(tooltip)
        self.kabupatenCombo.setToolTip(QCoreApplication.translate("OfficeForm", u"Ketik sebagian nama untuk mencari. Kecamatan dan desa/kelurahan resminya dimuat saat disimpan.", None))
#endif // QT_CONFIG(tooltip)
        self.kecamatanLabel.setText(QCoreApplication.translate("OfficeForm", u"Ke&camatan:", None))
        self.addressLabel.setText(QCoreApplication.translate("OfficeForm", u"&Alamat:", None))
        self.phoneLabel.setText(QCoreApplication.translate("OfficeForm", u"&Telepon:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("OfficeForm", u"contoh: 0745-91234 atau 0812-3456-7890", None))
        self.chairLabel.setText(QCoreApplication.translate("OfficeForm", u"Nama k&etua:", None))
        self.treasurerLabel.setText(QCoreApplication.translate("OfficeForm", u"Nama &bendahara:", None))
        pass
    # retranslateUi

