# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sales_product_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QWidget)

from koperasi.gui.money_edit import MoneyEdit

class Ui_SalesProductForm(object):
    def setupUi(self, SalesProductForm):
        if not SalesProductForm.objectName():
            SalesProductForm.setObjectName(u"SalesProductForm")
        SalesProductForm.resize(480, 200)
        self.formLayout = QFormLayout(SalesProductForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel(SalesProductForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.productNameEdit = QLineEdit(SalesProductForm)
        self.productNameEdit.setObjectName(u"productNameEdit")
        self.productNameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.productNameEdit)

        self.unitLabel = QLabel(SalesProductForm)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.productUnitCombo = QComboBox(SalesProductForm)
        self.productUnitCombo.setObjectName(u"productUnitCombo")
        self.productUnitCombo.setEditable(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.productUnitCombo)

        self.priceLabel = QLabel(SalesProductForm)
        self.priceLabel.setObjectName(u"priceLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.priceLabel)

        self.productPriceEdit = MoneyEdit(SalesProductForm)
        self.productPriceEdit.setObjectName(u"productPriceEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.productPriceEdit)

        self.categoryLabel = QLabel(SalesProductForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.productCategoryEdit = QLineEdit(SalesProductForm)
        self.productCategoryEdit.setObjectName(u"productCategoryEdit")
        self.productCategoryEdit.setMaxLength(60)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.productCategoryEdit)

        self.commissionLabel = QLabel(SalesProductForm)
        self.commissionLabel.setObjectName(u"commissionLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.commissionLabel)

        self.productCommissionEdit = QLineEdit(SalesProductForm)
        self.productCommissionEdit.setObjectName(u"productCommissionEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.productCommissionEdit)

        self.productActiveCheck = QCheckBox(SalesProductForm)
        self.productActiveCheck.setObjectName(u"productActiveCheck")
        self.productActiveCheck.setChecked(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.productActiveCheck)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.productNameEdit)
        self.unitLabel.setBuddy(self.productUnitCombo)
        self.priceLabel.setBuddy(self.productPriceEdit)
        self.categoryLabel.setBuddy(self.productCategoryEdit)
        self.commissionLabel.setBuddy(self.productCommissionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.productNameEdit, self.productUnitCombo)
        QWidget.setTabOrder(self.productUnitCombo, self.productPriceEdit)
        QWidget.setTabOrder(self.productPriceEdit, self.productCategoryEdit)
        QWidget.setTabOrder(self.productCategoryEdit, self.productCommissionEdit)
        QWidget.setTabOrder(self.productCommissionEdit, self.productActiveCheck)

        self.retranslateUi(SalesProductForm)

        QMetaObject.connectSlotsByName(SalesProductForm)
    # setupUi

    def retranslateUi(self, SalesProductForm):
        self.nameLabel.setText(QCoreApplication.translate("SalesProductForm", u"&Nama barang:", None))
        self.unitLabel.setText(QCoreApplication.translate("SalesProductForm", u"&Satuan:", None))
        self.priceLabel.setText(QCoreApplication.translate("SalesProductForm", u"&Harga bawaan (Rp):", None))
        self.categoryLabel.setText(QCoreApplication.translate("SalesProductForm", u"&Kategori:", None))
        self.productCategoryEdit.setPlaceholderText(QCoreApplication.translate("SalesProductForm", u"mis. beras, sayur, karet, kerajinan", None))
        self.commissionLabel.setText(QCoreApplication.translate("SalesProductForm", u"&Jasa sendiri (%):", None))
        self.productCommissionEdit.setPlaceholderText(QCoreApplication.translate("SalesProductForm", u"kosong: jasa saluran atau bawaan kantor", None))
        self.productActiveCheck.setText(QCoreApplication.translate("SalesProductForm", u"Masih &dijual", None))
        pass
    # retranslateUi

