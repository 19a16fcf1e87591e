# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_programme_form.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_TrainingProgrammeForm(object):
    def setupUi(self, TrainingProgrammeForm):
        if not TrainingProgrammeForm.objectName():
            TrainingProgrammeForm.setObjectName(u"TrainingProgrammeForm")
        TrainingProgrammeForm.resize(560, 300)
        self.mainLayout = QVBoxLayout(TrainingProgrammeForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(TrainingProgrammeForm)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(TrainingProgrammeForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.topicLabel = QLabel(TrainingProgrammeForm)
        self.topicLabel.setObjectName(u"topicLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicCombo = QComboBox(TrainingProgrammeForm)
        self.topicCombo.setObjectName(u"topicCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.topicCombo)

        self.descriptionLabel = QLabel(TrainingProgrammeForm)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(TrainingProgrammeForm)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.targetLabel = QLabel(TrainingProgrammeForm)
        self.targetLabel.setObjectName(u"targetLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetGroupsEdit = QLineEdit(TrainingProgrammeForm)
        self.targetGroupsEdit.setObjectName(u"targetGroupsEdit")
        self.targetGroupsEdit.setMaxLength(250)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.targetGroupsEdit)

        self.partnerLabel = QLabel(TrainingProgrammeForm)
        self.partnerLabel.setObjectName(u"partnerLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.partnerLabel)

        self.partnerEdit = QLineEdit(TrainingProgrammeForm)
        self.partnerEdit.setObjectName(u"partnerEdit")
        self.partnerEdit.setMaxLength(120)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.partnerEdit)

        self.ruleKindLabel = QLabel(TrainingProgrammeForm)
        self.ruleKindLabel.setObjectName(u"ruleKindLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ruleKindLabel)

        self.ruleKindCombo = QComboBox(TrainingProgrammeForm)
        self.ruleKindCombo.setObjectName(u"ruleKindCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ruleKindCombo)

        self.ruleValueLabel = QLabel(TrainingProgrammeForm)
        self.ruleValueLabel.setObjectName(u"ruleValueLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ruleValueLabel)

        self.ruleValueSpin = QSpinBox(TrainingProgrammeForm)
        self.ruleValueSpin.setObjectName(u"ruleValueSpin")
        self.ruleValueSpin.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.ruleValueSpin.setMinimum(1)
        self.ruleValueSpin.setMaximum(100)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ruleValueSpin)

        self.activeCheck = QCheckBox(TrainingProgrammeForm)
        self.activeCheck.setObjectName(u"activeCheck")
        self.activeCheck.setChecked(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.activeCheck)


        self.mainLayout.addLayout(self.formLayout)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.topicLabel.setBuddy(self.topicCombo)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.targetLabel.setBuddy(self.targetGroupsEdit)
        self.partnerLabel.setBuddy(self.partnerEdit)
        self.ruleKindLabel.setBuddy(self.ruleKindCombo)
        self.ruleValueLabel.setBuddy(self.ruleValueSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TrainingProgrammeForm)

        QMetaObject.connectSlotsByName(TrainingProgrammeForm)
    # setupUi

    def retranslateUi(self, TrainingProgrammeForm):
        self.nameLabel.setText(QCoreApplication.translate("TrainingProgrammeForm", u"&Nama program:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("TrainingProgrammeForm", u"contoh: Pertanian Organik Dasar", None))
        self.topicLabel.setText(QCoreApplication.translate("TrainingProgrammeForm", u"&Bidang:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("TrainingProgrammeForm", u"&Uraian:", None))
        self.targetLabel.setText(QCoreApplication.translate("TrainingProgrammeForm", u"&Sasaran:", None))
        self.targetGroupsEdit.setPlaceholderText(QCoreApplication.translate("TrainingProgrammeForm", u"contoh: perempuan kepala keluarga, pemuda putus sekolah", None))
        self.partnerLabel.setText(QCoreApplication.translate("TrainingProgrammeForm", u"&Mitra / pemberi dana:", None))
        self.partnerEdit.setPlaceholderText(QCoreApplication.translate("TrainingProgrammeForm", u"boleh dikosongkan", None))
        self.ruleKindLabel.setText(QCoreApplication.translate("TrainingProgrammeForm", u"Syarat &lulus:", None))
        self.ruleValueLabel.setText(QCoreApplication.translate("TrainingProgrammeForm", u"&Nilai syarat:", None))
        self.activeCheck.setText(QCoreApplication.translate("TrainingProgrammeForm", u"&Aktif (dapat dipilih untuk angkatan baru)", None))
        pass
    # retranslateUi

