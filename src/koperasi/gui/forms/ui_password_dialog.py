# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(400, 200)
        self.mainLayout = QVBoxLayout(PasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.oldLabel = QLabel(PasswordDialog)
        self.oldLabel.setObjectName(u"oldLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.oldLabel)

        self.oldEdit = QLineEdit(PasswordDialog)
        self.oldEdit.setObjectName(u"oldEdit")
        self.oldEdit.setMaxLength(128)
        self.oldEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.oldEdit)

        self.newLabel = QLabel(PasswordDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newEdit = QLineEdit(PasswordDialog)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setMaxLength(128)
        self.newEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.confirmLabel = QLabel(PasswordDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(PasswordDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setMaxLength(128)
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(PasswordDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.oldLabel.setBuddy(self.oldEdit)
        self.newLabel.setBuddy(self.newEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.oldEdit, self.newEdit)
        QWidget.setTabOrder(self.newEdit, self.confirmEdit)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"Ganti kata sandi", None))
        self.oldLabel.setText(QCoreApplication.translate("PasswordDialog", u"Kata sandi &lama:", None))
        self.newLabel.setText(QCoreApplication.translate("PasswordDialog", u"Kata sandi &baru:", None))
        self.newEdit.setPlaceholderText(QCoreApplication.translate("PasswordDialog", u"minimal 8 karakter", None))
        self.confirmLabel.setText(QCoreApplication.translate("PasswordDialog", u"&Ulangi kata sandi baru:", None))
    # retranslateUi

