# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'loan_application_form.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from koperasi.gui.date_field import DateField
from koperasi.gui.money_edit import MoneyEdit

class Ui_LoanApplicationForm(object):
    def setupUi(self, LoanApplicationForm):
        if not LoanApplicationForm.objectName():
            LoanApplicationForm.setObjectName(u"LoanApplicationForm")
        LoanApplicationForm.resize(820, 460)
        self.mainLayout = QHBoxLayout(LoanApplicationForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.memberSearchLabel = QLabel(LoanApplicationForm)
        self.memberSearchLabel.setObjectName(u"memberSearchLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberSearchLabel)

        self.memberSearchEdit = QLineEdit(LoanApplicationForm)
        self.memberSearchEdit.setObjectName(u"memberSearchEdit")
        self.memberSearchEdit.setClearButtonEnabled(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberSearchEdit)

        self.memberLabel = QLabel(LoanApplicationForm)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(LoanApplicationForm)
        self.memberCombo.setObjectName(u"memberCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.productLabel = QLabel(LoanApplicationForm)
        self.productLabel.setObjectName(u"productLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.productLabel)

        self.productCombo = QComboBox(LoanApplicationForm)
        self.productCombo.setObjectName(u"productCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.productCombo)

        self.productTermsLabel = QLabel(LoanApplicationForm)
        self.productTermsLabel.setObjectName(u"productTermsLabel")
        self.productTermsLabel.setWordWrap(True)
        self.productTermsLabel.setStyleSheet(u"color: #555;")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.productTermsLabel)

        self.groupLabel = QLabel(LoanApplicationForm)
        self.groupLabel.setObjectName(u"groupLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupCombo = QComboBox(LoanApplicationForm)
        self.groupCombo.setObjectName(u"groupCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.amountLabel = QLabel(LoanApplicationForm)
        self.amountLabel.setObjectName(u"amountLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amountEdit = MoneyEdit(LoanApplicationForm)
        self.amountEdit.setObjectName(u"amountEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.termLabel = QLabel(LoanApplicationForm)
        self.termLabel.setObjectName(u"termLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.termLabel)

        self.termSpin = QSpinBox(LoanApplicationForm)
        self.termSpin.setObjectName(u"termSpin")
        self.termSpin.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.termSpin.setMinimum(1)
        self.termSpin.setMaximum(260)
        self.termSpin.setValue(12)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.termSpin)

        self.purposeLabel = QLabel(LoanApplicationForm)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeEdit = QLineEdit(LoanApplicationForm)
        self.purposeEdit.setObjectName(u"purposeEdit")
        self.purposeEdit.setMaxLength(250)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.purposeEdit)

        self.appliedOnLabel = QLabel(LoanApplicationForm)
        self.appliedOnLabel.setObjectName(u"appliedOnLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.appliedOnLabel)

        self.appliedOnEdit = DateField(LoanApplicationForm)
        self.appliedOnEdit.setObjectName(u"appliedOnEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.appliedOnEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.previewLayout = QVBoxLayout()
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewTitle = QLabel(LoanApplicationForm)
        self.previewTitle.setObjectName(u"previewTitle")

        self.previewLayout.addWidget(self.previewTitle)

        self.previewTable = QTableWidget(LoanApplicationForm)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.previewLayout.addWidget(self.previewTable)

        self.previewSummary = QLabel(LoanApplicationForm)
        self.previewSummary.setObjectName(u"previewSummary")
        self.previewSummary.setWordWrap(True)

        self.previewLayout.addWidget(self.previewSummary)


        self.mainLayout.addLayout(self.previewLayout)

#if QT_CONFIG(shortcut)
        self.memberSearchLabel.setBuddy(self.memberSearchEdit)
        self.memberLabel.setBuddy(self.memberCombo)
        self.productLabel.setBuddy(self.productCombo)
        self.groupLabel.setBuddy(self.groupCombo)
        self.amountLabel.setBuddy(self.amountEdit)
        self.termLabel.setBuddy(self.termSpin)
        self.purposeLabel.setBuddy(self.purposeEdit)
        self.appliedOnLabel.setBuddy(self.appliedOnEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.memberSearchEdit, self.memberCombo)
        QWidget.setTabOrder(self.memberCombo, self.productCombo)
        QWidget.setTabOrder(self.productCombo, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.termSpin)
        QWidget.setTabOrder(self.termSpin, self.purposeEdit)
        QWidget.setTabOrder(self.purposeEdit, self.appliedOnEdit)

        self.retranslateUi(LoanApplicationForm)

        QMetaObject.connectSlotsByName(LoanApplicationForm)
    # setupUi

    def retranslateUi(self, LoanApplicationForm):
        self.memberSearchLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"&Cari anggota:", None))
        self.memberSearchEdit.setPlaceholderText(QCoreApplication.translate("LoanApplicationForm", u"nama, NIK atau nomor anggota", None))
        self.memberLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"&Anggota:", None))
        self.productLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"&Produk:", None))
        self.groupLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"&Kelompok:", None))
        self.amountLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"&Jumlah pinjaman (Rp):", None))
        self.termLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"&Tenor (kali angsuran):", None))
        self.purposeLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"Keper&luan:", None))
        self.purposeEdit.setPlaceholderText(QCoreApplication.translate("LoanApplicationForm", u"contoh: modal warung sembako", None))
        self.appliedOnLabel.setText(QCoreApplication.translate("LoanApplicationForm", u"Tanggal &pengajuan:", None))
        self.previewTitle.setText(QCoreApplication.translate("LoanApplicationForm", u"<b>Perkiraan jadwal angsuran</b>", None))
        pass
    # retranslateUi

