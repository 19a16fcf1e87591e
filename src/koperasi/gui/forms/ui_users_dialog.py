# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_UsersDialog(object):
    def setupUi(self, UsersDialog):
        if not UsersDialog.objectName():
            UsersDialog.setObjectName(u"UsersDialog")
        UsersDialog.resize(760, 420)
        self.mainLayout = QHBoxLayout(UsersDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.usersTable = QTableView(UsersDialog)
        self.usersTable.setObjectName(u"usersTable")
        self.usersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.usersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.usersTable.setAlternatingRowColors(True)
        self.usersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.mainLayout.addWidget(self.usersTable)

        self.buttonLayout = QVBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addUserButton = QPushButton(UsersDialog)
        self.addUserButton.setObjectName(u"addUserButton")

        self.buttonLayout.addWidget(self.addUserButton)

        self.editUserButton = QPushButton(UsersDialog)
        self.editUserButton.setObjectName(u"editUserButton")

        self.buttonLayout.addWidget(self.editUserButton)

        self.resetPasswordButton = QPushButton(UsersDialog)
        self.resetPasswordButton.setObjectName(u"resetPasswordButton")

        self.buttonLayout.addWidget(self.resetPasswordButton)

        self.toggleActiveButton = QPushButton(UsersDialog)
        self.toggleActiveButton.setObjectName(u"toggleActiveButton")

        self.buttonLayout.addWidget(self.toggleActiveButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(UsersDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Vertical)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonLayout)

        QWidget.setTabOrder(self.usersTable, self.addUserButton)
        QWidget.setTabOrder(self.addUserButton, self.editUserButton)
        QWidget.setTabOrder(self.editUserButton, self.resetPasswordButton)
        QWidget.setTabOrder(self.resetPasswordButton, self.toggleActiveButton)

        self.retranslateUi(UsersDialog)

        QMetaObject.connectSlotsByName(UsersDialog)
    # setupUi

    def retranslateUi(self, UsersDialog):
        UsersDialog.setWindowTitle(QCoreApplication.translate("UsersDialog", u"Pengguna", None))
        self.addUserButton.setText(QCoreApplication.translate("UsersDialog", u"&Tambah\u2026", None))
        self.editUserButton.setText(QCoreApplication.translate("UsersDialog", u"&Ubah\u2026", None))
        self.resetPasswordButton.setText(QCoreApplication.translate("UsersDialog", u"Atur ulang &kata sandi\u2026", None))
        self.toggleActiveButton.setText(QCoreApplication.translate("UsersDialog", u"&Nonaktifkan", None))
    # retranslateUi

