# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sales_intake_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QRadioButton, QSizePolicy,
    QSpacerItem, QWidget)

from koperasi.gui.date_field import DateField

class Ui_SalesIntakeForm(object):
    def setupUi(self, SalesIntakeForm):
        if not SalesIntakeForm.objectName():
            SalesIntakeForm.setObjectName(u"SalesIntakeForm")
        SalesIntakeForm.resize(560, 260)
        self.formLayout = QFormLayout(SalesIntakeForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.producerLabel = QLabel(SalesIntakeForm)
        self.producerLabel.setObjectName(u"producerLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.producerLabel)

        self.producerKindLayout = QHBoxLayout()
        self.producerKindLayout.setObjectName(u"producerKindLayout")
        self.intakeMemberRadio = QRadioButton(SalesIntakeForm)
        self.intakeMemberRadio.setObjectName(u"intakeMemberRadio")
        self.intakeMemberRadio.setChecked(True)

        self.producerKindLayout.addWidget(self.intakeMemberRadio)

        self.intakeGroupRadio = QRadioButton(SalesIntakeForm)
        self.intakeGroupRadio.setObjectName(u"intakeGroupRadio")

        self.producerKindLayout.addWidget(self.intakeGroupRadio)

        self.producerKindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.producerKindLayout.addItem(self.producerKindSpacer)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.producerKindLayout)

        self.searchLabel = QLabel(SalesIntakeForm)
        self.searchLabel.setObjectName(u"searchLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.searchLabel)

        self.intakeSearchEdit = QLineEdit(SalesIntakeForm)
        self.intakeSearchEdit.setObjectName(u"intakeSearchEdit")
        self.intakeSearchEdit.setClearButtonEnabled(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.intakeSearchEdit)

        self.whoLabel = QLabel(SalesIntakeForm)
        self.whoLabel.setObjectName(u"whoLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whoLabel)

        self.whoLayout = QHBoxLayout()
        self.whoLayout.setObjectName(u"whoLayout")
        self.intakeMemberCombo = QComboBox(SalesIntakeForm)
        self.intakeMemberCombo.setObjectName(u"intakeMemberCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.intakeMemberCombo.sizePolicy().hasHeightForWidth())
        self.intakeMemberCombo.setSizePolicy(sizePolicy)

        self.whoLayout.addWidget(self.intakeMemberCombo)

        self.intakeGroupCombo = QComboBox(SalesIntakeForm)
        self.intakeGroupCombo.setObjectName(u"intakeGroupCombo")
        sizePolicy.setHeightForWidth(self.intakeGroupCombo.sizePolicy().hasHeightForWidth())
        self.intakeGroupCombo.setSizePolicy(sizePolicy)

        self.whoLayout.addWidget(self.intakeGroupCombo)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.whoLayout)

        self.productLabel = QLabel(SalesIntakeForm)
        self.productLabel.setObjectName(u"productLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.productLabel)

        self.intakeProductCombo = QComboBox(SalesIntakeForm)
        self.intakeProductCombo.setObjectName(u"intakeProductCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.intakeProductCombo)

        self.quantityLabel = QLabel(SalesIntakeForm)
        self.quantityLabel.setObjectName(u"quantityLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.quantityLabel)

        self.quantityLayout = QHBoxLayout()
        self.quantityLayout.setObjectName(u"quantityLayout")
        self.intakeQuantityEdit = QLineEdit(SalesIntakeForm)
        self.intakeQuantityEdit.setObjectName(u"intakeQuantityEdit")
        self.intakeQuantityEdit.setMaximumSize(QSize(140, 16777215))
        self.intakeQuantityEdit.setAlignment(Qt.AlignRight|Qt.AlignVCenter)

        self.quantityLayout.addWidget(self.intakeQuantityEdit)

        self.intakeUnitLabel = QLabel(SalesIntakeForm)
        self.intakeUnitLabel.setObjectName(u"intakeUnitLabel")

        self.quantityLayout.addWidget(self.intakeUnitLabel)

        self.quantitySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quantityLayout.addItem(self.quantitySpacer)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.quantityLayout)

        self.dateLabel = QLabel(SalesIntakeForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.intakeDateEdit = DateField(SalesIntakeForm)
        self.intakeDateEdit.setObjectName(u"intakeDateEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.intakeDateEdit)

        self.noteLabel = QLabel(SalesIntakeForm)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.intakeNoteEdit = QLineEdit(SalesIntakeForm)
        self.intakeNoteEdit.setObjectName(u"intakeNoteEdit")
        self.intakeNoteEdit.setMaxLength(250)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.intakeNoteEdit)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.intakeSearchEdit)
        self.whoLabel.setBuddy(self.intakeMemberCombo)
        self.productLabel.setBuddy(self.intakeProductCombo)
        self.quantityLabel.setBuddy(self.intakeQuantityEdit)
        self.dateLabel.setBuddy(self.intakeDateEdit)
        self.noteLabel.setBuddy(self.intakeNoteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.intakeMemberRadio, self.intakeGroupRadio)
        QWidget.setTabOrder(self.intakeGroupRadio, self.intakeSearchEdit)
        QWidget.setTabOrder(self.intakeSearchEdit, self.intakeMemberCombo)
        QWidget.setTabOrder(self.intakeMemberCombo, self.intakeGroupCombo)
        QWidget.setTabOrder(self.intakeGroupCombo, self.intakeProductCombo)
        QWidget.setTabOrder(self.intakeProductCombo, self.intakeQuantityEdit)
        QWidget.setTabOrder(self.intakeQuantityEdit, self.intakeDateEdit)
        QWidget.setTabOrder(self.intakeDateEdit, self.intakeNoteEdit)

        self.retranslateUi(SalesIntakeForm)

        QMetaObject.connectSlotsByName(SalesIntakeForm)
    # setupUi

    def retranslateUi(self, SalesIntakeForm):
        self.producerLabel.setText(QCoreApplication.translate("SalesIntakeForm", u"Penitip:", None))
        self.intakeMemberRadio.setText(QCoreApplication.translate("SalesIntakeForm", u"&Anggota", None))
        self.intakeGroupRadio.setText(QCoreApplication.translate("SalesIntakeForm", u"&Kelompok", None))
        self.searchLabel.setText(QCoreApplication.translate("SalesIntakeForm", u"&Cari anggota:", None))
        self.intakeSearchEdit.setPlaceholderText(QCoreApplication.translate("SalesIntakeForm", u"nama, NIK atau nomor anggota", None))
        self.whoLabel.setText(QCoreApplication.translate("SalesIntakeForm", u"&Dari:", None))
        self.productLabel.setText(QCoreApplication.translate("SalesIntakeForm", u"&Barang:", None))
        self.quantityLabel.setText(QCoreApplication.translate("SalesIntakeForm", u"&Jumlah:", None))
        self.intakeQuantityEdit.setPlaceholderText(QCoreApplication.translate("SalesIntakeForm", u"mis. 12,5", None))
        self.intakeUnitLabel.setText("")
        self.dateLabel.setText(QCoreApplication.translate("SalesIntakeForm", u"&Tanggal terima:", None))
        self.noteLabel.setText(QCoreApplication.translate("SalesIntakeForm", u"Ca&tatan:", None))
        self.intakeNoteEdit.setPlaceholderText(QCoreApplication.translate("SalesIntakeForm", u"boleh kosong, mis. kualitas, kemasan", None))
        pass
    # retranslateUi

