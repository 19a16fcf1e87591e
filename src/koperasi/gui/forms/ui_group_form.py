# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'group_form.ui'
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

from koperasi.gui.date_field import DateField

class Ui_GroupForm(object):
    def setupUi(self, GroupForm):
        if not GroupForm.objectName():
            GroupForm.setObjectName(u"GroupForm")
        GroupForm.resize(460, 200)
        self.formLayout = QFormLayout(GroupForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.nameLabel = QLabel(GroupForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.groupNameEdit = QLineEdit(GroupForm)
        self.groupNameEdit.setObjectName(u"groupNameEdit")
        self.groupNameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.groupNameEdit)

        self.kindLabel = QLabel(GroupForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.groupKindCombo = QComboBox(GroupForm)
        self.groupKindCombo.setObjectName(u"groupKindCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.groupKindCombo)

        self.desaLabel = QLabel(GroupForm)
        self.desaLabel.setObjectName(u"desaLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.desaLabel)

        self.groupDesaCombo = QComboBox(GroupForm)
        self.groupDesaCombo.setObjectName(u"groupDesaCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.groupDesaCombo)

        self.chairLabel = QLabel(GroupForm)
        self.chairLabel.setObjectName(u"chairLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.groupChairEdit = QLineEdit(GroupForm)
        self.groupChairEdit.setObjectName(u"groupChairEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.groupChairEdit)

        self.chairDateLabel = QLabel(GroupForm)
        self.chairDateLabel.setObjectName(u"chairDateLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.chairDateLabel)

        self.groupChairDateEdit = DateField(GroupForm)
        self.groupChairDateEdit.setObjectName(u"groupChairDateEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.groupChairDateEdit)

        self.groupActiveCheck = QCheckBox(GroupForm)
        self.groupActiveCheck.setObjectName(u"groupActiveCheck")
        self.groupActiveCheck.setChecked(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.groupActiveCheck)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.groupNameEdit)
        self.kindLabel.setBuddy(self.groupKindCombo)
        self.desaLabel.setBuddy(self.groupDesaCombo)
        self.chairLabel.setBuddy(self.groupChairEdit)
        self.chairDateLabel.setBuddy(self.groupChairDateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.groupNameEdit, self.groupKindCombo)
        QWidget.setTabOrder(self.groupKindCombo, self.groupDesaCombo)
        QWidget.setTabOrder(self.groupDesaCombo, self.groupChairEdit)
        QWidget.setTabOrder(self.groupChairEdit, self.groupChairDateEdit)
        QWidget.setTabOrder(self.groupChairDateEdit, self.groupActiveCheck)

        self.retranslateUi(GroupForm)

        QMetaObject.connectSlotsByName(GroupForm)
    # setupUi

    def retranslateUi(self, GroupForm):
        self.nameLabel.setText(QCoreApplication.translate("GroupForm", u"&Nama kelompok:", None))
        self.kindLabel.setText(QCoreApplication.translate("GroupForm", u"&Jenis:", None))
        self.desaLabel.setText(QCoreApplication.translate("GroupForm", u"&Desa:", None))
        self.chairLabel.setText(QCoreApplication.translate("GroupForm", u"&Ketua (boleh kosong):", None))
        self.groupChairEdit.setPlaceholderText(QCoreApplication.translate("GroupForm", u"nomor anggota, NIK atau nama", None))
        self.chairDateLabel.setText(QCoreApplication.translate("GroupForm", u"Ketua masuk &sejak:", None))
        self.groupActiveCheck.setText(QCoreApplication.translate("GroupForm", u"&Aktif (kelompok yang bubar dinonaktifkan; riwayatnya tetap)", None))
        pass
    # retranslateUi

