# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'neighbour_region_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_NeighbourRegionDialog(object):
    def setupUi(self, NeighbourRegionDialog):
        if not NeighbourRegionDialog.objectName():
            NeighbourRegionDialog.setObjectName(u"NeighbourRegionDialog")
        NeighbourRegionDialog.resize(480, 240)
        self.mainLayout = QVBoxLayout(NeighbourRegionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.neighbourIntroLabel = QLabel(NeighbourRegionDialog)
        self.neighbourIntroLabel.setObjectName(u"neighbourIntroLabel")
        self.neighbourIntroLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.neighbourIntroLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.provinceLabel = QLabel(NeighbourRegionDialog)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provinceLabel)

        self.provinceCombo = QComboBox(NeighbourRegionDialog)
        self.provinceCombo.setObjectName(u"provinceCombo")
        self.provinceCombo.setMaxVisibleItems(15)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.provinceCombo)

        self.neighbourKabupatenLabel = QLabel(NeighbourRegionDialog)
        self.neighbourKabupatenLabel.setObjectName(u"neighbourKabupatenLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.neighbourKabupatenLabel)

        self.neighbourKabupatenCombo = QComboBox(NeighbourRegionDialog)
        self.neighbourKabupatenCombo.setObjectName(u"neighbourKabupatenCombo")
        self.neighbourKabupatenCombo.setMaxVisibleItems(15)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.neighbourKabupatenCombo)

        self.neighbourKecamatanLabel = QLabel(NeighbourRegionDialog)
        self.neighbourKecamatanLabel.setObjectName(u"neighbourKecamatanLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.neighbourKecamatanLabel)

        self.neighbourKecamatanCombo = QComboBox(NeighbourRegionDialog)
        self.neighbourKecamatanCombo.setObjectName(u"neighbourKecamatanCombo")
        self.neighbourKecamatanCombo.setMaxVisibleItems(15)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.neighbourKecamatanCombo)

        self.neighbourDesaLabel = QLabel(NeighbourRegionDialog)
        self.neighbourDesaLabel.setObjectName(u"neighbourDesaLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.neighbourDesaLabel)

        self.neighbourDesaCombo = QComboBox(NeighbourRegionDialog)
        self.neighbourDesaCombo.setObjectName(u"neighbourDesaCombo")
        self.neighbourDesaCombo.setMaxVisibleItems(15)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.neighbourDesaCombo)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(NeighbourRegionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(NeighbourRegionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.provinceLabel.setBuddy(self.provinceCombo)
        self.neighbourKabupatenLabel.setBuddy(self.neighbourKabupatenCombo)
        self.neighbourKecamatanLabel.setBuddy(self.neighbourKecamatanCombo)
        self.neighbourDesaLabel.setBuddy(self.neighbourDesaCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.provinceCombo, self.neighbourKabupatenCombo)
        QWidget.setTabOrder(self.neighbourKabupatenCombo, self.neighbourKecamatanCombo)
        QWidget.setTabOrder(self.neighbourKecamatanCombo, self.neighbourDesaCombo)

        self.retranslateUi(NeighbourRegionDialog)

        QMetaObject.connectSlotsByName(NeighbourRegionDialog)
    # setupUi

    def retranslateUi(self, NeighbourRegionDialog):
        NeighbourRegionDialog.setWindowTitle(QCoreApplication.translate("NeighbourRegionDialog", u"Tambah wilayah dari kabupaten lain", None))
        self.neighbourIntroLabel.setText(QCoreApplication.translate("NeighbourRegionDialog", u"Untuk anggota yang tinggal di seberang batas kabupaten: pilih dari data wilayah resmi (Kepmendagri 2025).", None))
        self.provinceLabel.setText(QCoreApplication.translate("NeighbourRegionDialog", u"&Provinsi:", None))
        self.neighbourKabupatenLabel.setText(QCoreApplication.translate("NeighbourRegionDialog", u"Ka&bupaten/kota:", None))
        self.neighbourKecamatanLabel.setText(QCoreApplication.translate("NeighbourRegionDialog", u"Ke&camatan:", None))
        self.neighbourDesaLabel.setText(QCoreApplication.translate("NeighbourRegionDialog", u"&Desa/kelurahan:", None))
    # retranslateUi

