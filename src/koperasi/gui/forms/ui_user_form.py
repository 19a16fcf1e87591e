# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_form.ui'
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

class Ui_UserForm(object):
    def setupUi(self, UserForm):
        if not UserForm.objectName():
            UserForm.setObjectName(u"UserForm")
        UserForm.resize(420, 200)
        self.formLayout = QFormLayout(UserForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fullNameLabel = QLabel(UserForm)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameEdit = QLineEdit(UserForm)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.usernameLabel = QLabel(UserForm)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(UserForm)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(32)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.roleLabel = QLabel(UserForm)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(UserForm)
        self.roleCombo.setObjectName(u"roleCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.passwordLabel = QLabel(UserForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(UserForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(128)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.confirmLabel = QLabel(UserForm)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(UserForm)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setMaxLength(128)
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

#if QT_CONFIG(shortcut)
        self.fullNameLabel.setBuddy(self.fullNameEdit)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fullNameEdit, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.confirmEdit)

        self.retranslateUi(UserForm)

        QMetaObject.connectSlotsByName(UserForm)
    # setupUi

    def retranslateUi(self, UserForm):
        self.fullNameLabel.setText(QCoreApplication.translate("UserForm", u"Nama &lengkap:", None))
        self.usernameLabel.setText(QCoreApplication.translate("UserForm", u"&Nama pengguna:", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("UserForm", u"huruf kecil tanpa spasi, contoh: siti", None))
        self.roleLabel.setText(QCoreApplication.translate("UserForm", u"&Peran:", None))
        self.passwordLabel.setText(QCoreApplication.translate("UserForm", u"&Kata sandi:", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("UserForm", u"minimal 8 karakter", None))
        self.confirmLabel.setText(QCoreApplication.translate("UserForm", u"&Ulangi kata sandi:", None))
        pass
    # retranslateUi

