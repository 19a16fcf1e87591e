# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'regions_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_RegionsDialog(object):
    def setupUi(self, RegionsDialog):
        if not RegionsDialog.objectName():
            RegionsDialog.setObjectName(u"RegionsDialog")
        RegionsDialog.resize(900, 520)
        self.mainLayout = QVBoxLayout(RegionsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(RegionsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.listsLayout = QHBoxLayout()
        self.listsLayout.setObjectName(u"listsLayout")
        self.kecamatanList = QListWidget(RegionsDialog)
        self.kecamatanList.setObjectName(u"kecamatanList")
        self.kecamatanList.setMaximumSize(QSize(240, 16777215))

        self.listsLayout.addWidget(self.kecamatanList)

        self.desaTable = QTableView(RegionsDialog)
        self.desaTable.setObjectName(u"desaTable")
        self.desaTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.desaTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.desaTable.setAlternatingRowColors(True)
        self.desaTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.listsLayout.addWidget(self.desaTable)

        self.buttonLayout = QVBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addDesaButton = QPushButton(RegionsDialog)
        self.addDesaButton.setObjectName(u"addDesaButton")

        self.buttonLayout.addWidget(self.addDesaButton)

        self.editDesaButton = QPushButton(RegionsDialog)
        self.editDesaButton.setObjectName(u"editDesaButton")

        self.buttonLayout.addWidget(self.editDesaButton)

        self.neighbourButton = QPushButton(RegionsDialog)
        self.neighbourButton.setObjectName(u"neighbourButton")

        self.buttonLayout.addWidget(self.neighbourButton)

        self.updateNamesButton = QPushButton(RegionsDialog)
        self.updateNamesButton.setObjectName(u"updateNamesButton")

        self.buttonLayout.addWidget(self.updateNamesButton)

        self.showInactiveCheck = QCheckBox(RegionsDialog)
        self.showInactiveCheck.setObjectName(u"showInactiveCheck")

        self.buttonLayout.addWidget(self.showInactiveCheck)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.listsLayout.addLayout(self.buttonLayout)

        self.listsLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.listsLayout)

        self.unmatchedLabel = QLabel(RegionsDialog)
        self.unmatchedLabel.setObjectName(u"unmatchedLabel")
        self.unmatchedLabel.setWordWrap(True)
        self.unmatchedLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.unmatchedLabel)

        self.buttonBox = QDialogButtonBox(RegionsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.kecamatanList, self.desaTable)
        QWidget.setTabOrder(self.desaTable, self.addDesaButton)
        QWidget.setTabOrder(self.addDesaButton, self.editDesaButton)
        QWidget.setTabOrder(self.editDesaButton, self.neighbourButton)
        QWidget.setTabOrder(self.neighbourButton, self.updateNamesButton)
        QWidget.setTabOrder(self.updateNamesButton, self.showInactiveCheck)

        self.retranslateUi(RegionsDialog)

        QMetaObject.connectSlotsByName(RegionsDialog)
    # setupUi

    def retranslateUi(self, RegionsDialog):
        RegionsDialog.setWindowTitle(QCoreApplication.translate("RegionsDialog", u"Wilayah: kecamatan dan desa", None))
        self.introLabel.setText(QCoreApplication.translate("RegionsDialog", u"Kecamatan dan desa/kelurahan resmi kabupaten kantor ini.", None))
        self.addDesaButton.setText(QCoreApplication.translate("RegionsDialog", u"&Tambah desa\u2026", None))
        self.editDesaButton.setText(QCoreApplication.translate("RegionsDialog", u"&Ubah\u2026", None))
        self.neighbourButton.setText(QCoreApplication.translate("RegionsDialog", u"Dari &kabupaten lain\u2026", None))
#if QT_CONFIG(tooltip)
        self.neighbourButton.setToolTip(QCoreApplication.translate("RegionsDialog", u"Kecamatan atau desa tetangga dari data resmi, untuk anggota yang tinggal di seberang batas", None))
#endif // QT_CONFIG(tooltip)
        self.updateNamesButton.setText(QCoreApplication.translate("RegionsDialog", u"&Perbarui nama dari berkas\u2026", None))
#if QT_CONFIG(tooltip)
        self.updateNamesButton.setToolTip(QCoreApplication.translate("RegionsDialog", u"Berkas CSV resmi yang lebih baru (kolom kode,nama): nama diganti menurut kode, tidak ada yang dihapus", None))
#endif // QT_CONFIG(tooltip)
        self.showInactiveCheck.setText(QCoreApplication.translate("RegionsDialog", u"Tampilkan yang &nonaktif", None))
    # retranslateUi

