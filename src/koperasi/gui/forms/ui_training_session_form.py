# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_session_form.ui'
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
    QLabel, QLineEdit, QSizePolicy, QTimeEdit,
    QVBoxLayout, QWidget)

from koperasi.gui.date_field import DateField

class Ui_TrainingSessionForm(object):
    def setupUi(self, TrainingSessionForm):
        if not TrainingSessionForm.objectName():
            TrainingSessionForm.setObjectName(u"TrainingSessionForm")
        TrainingSessionForm.resize(560, 300)
        self.mainLayout = QVBoxLayout(TrainingSessionForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dateLabel = QLabel(TrainingSessionForm)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.heldOnEdit = DateField(TrainingSessionForm)
        self.heldOnEdit.setObjectName(u"heldOnEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.heldOnEdit)

        self.startLabel = QLabel(TrainingSessionForm)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startsAtEdit = QTimeEdit(TrainingSessionForm)
        self.startsAtEdit.setObjectName(u"startsAtEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startsAtEdit)

        self.endLabel = QLabel(TrainingSessionForm)
        self.endLabel.setObjectName(u"endLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endsAtEdit = QTimeEdit(TrainingSessionForm)
        self.endsAtEdit.setObjectName(u"endsAtEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.endsAtEdit)

        self.placeLabel = QLabel(TrainingSessionForm)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(TrainingSessionForm)
        self.placeEdit.setObjectName(u"placeEdit")
        self.placeEdit.setMaxLength(160)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.kecamatanLabel = QLabel(TrainingSessionForm)
        self.kecamatanLabel.setObjectName(u"kecamatanLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kecamatanLabel)

        self.kecamatanCombo = QComboBox(TrainingSessionForm)
        self.kecamatanCombo.setObjectName(u"kecamatanCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kecamatanCombo)

        self.desaLabel = QLabel(TrainingSessionForm)
        self.desaLabel.setObjectName(u"desaLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.desaLabel)

        self.desaCombo = QComboBox(TrainingSessionForm)
        self.desaCombo.setObjectName(u"desaCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.desaCombo)

        self.facilitatorLabel = QLabel(TrainingSessionForm)
        self.facilitatorLabel.setObjectName(u"facilitatorLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.facilitatorLabel)

        self.facilitatorEdit = QLineEdit(TrainingSessionForm)
        self.facilitatorEdit.setObjectName(u"facilitatorEdit")
        self.facilitatorEdit.setMaxLength(120)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.facilitatorEdit)

        self.subjectLabel = QLabel(TrainingSessionForm)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subjectEdit = QLineEdit(TrainingSessionForm)
        self.subjectEdit.setObjectName(u"subjectEdit")
        self.subjectEdit.setMaxLength(160)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.subjectEdit)

        self.cancelledCheck = QCheckBox(TrainingSessionForm)
        self.cancelledCheck.setObjectName(u"cancelledCheck")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.cancelledCheck)


        self.mainLayout.addLayout(self.formLayout)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.heldOnEdit)
        self.startLabel.setBuddy(self.startsAtEdit)
        self.endLabel.setBuddy(self.endsAtEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.kecamatanLabel.setBuddy(self.kecamatanCombo)
        self.desaLabel.setBuddy(self.desaCombo)
        self.facilitatorLabel.setBuddy(self.facilitatorEdit)
        self.subjectLabel.setBuddy(self.subjectEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrainingSessionForm)

        QMetaObject.connectSlotsByName(TrainingSessionForm)
    # setupUi

    def retranslateUi(self, TrainingSessionForm):
        self.dateLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"&Tanggal:", None))
        self.startLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"Jam &mulai:", None))
        self.startsAtEdit.setDisplayFormat(QCoreApplication.translate("TrainingSessionForm", u"HH.mm", None))
        self.endLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"Jam &selesai:", None))
        self.endsAtEdit.setDisplayFormat(QCoreApplication.translate("TrainingSessionForm", u"HH.mm", None))
        self.placeLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"&Tempat:", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("TrainingSessionForm", u"contoh: Balai Desa Bernai", None))
        self.kecamatanLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"&Kecamatan:", None))
        self.desaLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"&Desa:", None))
        self.facilitatorLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"&Fasilitator:", None))
        self.subjectLabel.setText(QCoreApplication.translate("TrainingSessionForm", u"Ma&teri:", None))
        self.subjectEdit.setPlaceholderText(QCoreApplication.translate("TrainingSessionForm", u"contoh: Membuat pupuk kompos", None))
        self.cancelledCheck.setText(QCoreApplication.translate("TrainingSessionForm", u"Sesi ini &dibatalkan", None))
        pass
    # retranslateUi

