# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leave_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

from koperasi.gui.date_field import DateField

class Ui_LeaveForm(object):
    def setupUi(self, LeaveForm):
        if not LeaveForm.objectName():
            LeaveForm.setObjectName(u"LeaveForm")
        LeaveForm.resize(440, 80)
        self.formLayout = QFormLayout(LeaveForm)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)
        self.dateLabel = QLabel(LeaveForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.leaveDateEdit = DateField(LeaveForm)
        self.leaveDateEdit.setObjectName(u"leaveDateEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.leaveDateEdit)

        self.reasonLabel = QLabel(LeaveForm)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.leaveReasonEdit = QLineEdit(LeaveForm)
        self.leaveReasonEdit.setObjectName(u"leaveReasonEdit")
        self.leaveReasonEdit.setMaxLength(250)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.leaveReasonEdit)

        self.leavePositionLabel = QLabel(LeaveForm)
        self.leavePositionLabel.setObjectName(u"leavePositionLabel")
        self.leavePositionLabel.setWordWrap(True)
        self.leavePositionLabel.setTextFormat(Qt.RichText)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.leavePositionLabel)

        self.leaveOffsetCheck = QCheckBox(LeaveForm)
        self.leaveOffsetCheck.setObjectName(u"leaveOffsetCheck")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.leaveOffsetCheck)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.leaveDateEdit)
        self.reasonLabel.setBuddy(self.leaveReasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.leaveDateEdit, self.leaveReasonEdit)
        QWidget.setTabOrder(self.leaveReasonEdit, self.leaveOffsetCheck)

        self.retranslateUi(LeaveForm)

        QMetaObject.connectSlotsByName(LeaveForm)
    # setupUi

    def retranslateUi(self, LeaveForm):
        self.dateLabel.setText(QCoreApplication.translate("LeaveForm", u"&Tanggal keluar:", None))
        self.reasonLabel.setText(QCoreApplication.translate("LeaveForm", u"&Alasan:", None))
        self.leaveReasonEdit.setPlaceholderText(QCoreApplication.translate("LeaveForm", u"contoh: pindah domisili, mengundurkan diri", None))
        self.leaveOffsetCheck.setText(QCoreApplication.translate("LeaveForm", u"&Perhitungkan simpanan dengan pinjaman dan bayarkan sisanya tunai (satu kwitansi)", None))
        pass
    # retranslateUi

