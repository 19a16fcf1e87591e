# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'group_membership_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget)

from koperasi.gui.date_field import DateField

class Ui_GroupMembershipForm(object):
    def setupUi(self, GroupMembershipForm):
        if not GroupMembershipForm.objectName():
            GroupMembershipForm.setObjectName(u"GroupMembershipForm")
        GroupMembershipForm.resize(420, 80)
        self.formLayout = QFormLayout(GroupMembershipForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.memberLabel = QLabel(GroupMembershipForm)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.groupMemberEdit = QLineEdit(GroupMembershipForm)
        self.groupMemberEdit.setObjectName(u"groupMemberEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.groupMemberEdit)

        self.dateLabel = QLabel(GroupMembershipForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.groupDateEdit = DateField(GroupMembershipForm)
        self.groupDateEdit.setObjectName(u"groupDateEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.groupDateEdit)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.groupMemberEdit)
        self.dateLabel.setBuddy(self.groupDateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.groupMemberEdit, self.groupDateEdit)

        self.retranslateUi(GroupMembershipForm)

        QMetaObject.connectSlotsByName(GroupMembershipForm)
    # setupUi

    def retranslateUi(self, GroupMembershipForm):
        self.memberLabel.setText(QCoreApplication.translate("GroupMembershipForm", u"&Anggota:", None))
        self.groupMemberEdit.setPlaceholderText(QCoreApplication.translate("GroupMembershipForm", u"nomor anggota, NIK atau nama", None))
        self.dateLabel.setText(QCoreApplication.translate("GroupMembershipForm", u"&Tanggal:", None))
        pass
    # retranslateUi

