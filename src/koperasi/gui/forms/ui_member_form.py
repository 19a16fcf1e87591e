# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from koperasi.gui.date_field import DateField

class Ui_MemberForm(object):
    def setupUi(self, MemberForm):
        if not MemberForm.objectName():
            MemberForm.setObjectName(u"MemberForm")
        MemberForm.resize(940, 560)
        self.mainLayout = QHBoxLayout(MemberForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.personBox = QGroupBox(MemberForm)
        self.personBox.setObjectName(u"personBox")
        self.personLayout = QFormLayout(self.personBox)
        self.personLayout.setObjectName(u"personLayout")
        self.personLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fullNameLabel = QLabel(self.personBox)
        self.fullNameLabel.setObjectName(u"fullNameLabel")

        self.personLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fullNameLabel)

        self.fullNameEdit = QLineEdit(self.personBox)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(120)

        self.personLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.nikLabel = QLabel(self.personBox)
        self.nikLabel.setObjectName(u"nikLabel")

        self.personLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nikLabel)

        self.nikEdit = QLineEdit(self.personBox)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setMaxLength(20)

        self.personLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nikEdit)

        self.kkLabel = QLabel(self.personBox)
        self.kkLabel.setObjectName(u"kkLabel")

        self.personLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kkLabel)

        self.kkEdit = QLineEdit(self.personBox)
        self.kkEdit.setObjectName(u"kkEdit")
        self.kkEdit.setMaxLength(20)

        self.personLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kkEdit)

        self.sexLabel = QLabel(self.personBox)
        self.sexLabel.setObjectName(u"sexLabel")

        self.personLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sexCombo = QComboBox(self.personBox)
        self.sexCombo.setObjectName(u"sexCombo")

        self.personLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.birthPlaceLabel = QLabel(self.personBox)
        self.birthPlaceLabel.setObjectName(u"birthPlaceLabel")

        self.personLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.birthPlaceLabel)

        self.birthPlaceEdit = QLineEdit(self.personBox)
        self.birthPlaceEdit.setObjectName(u"birthPlaceEdit")
        self.birthPlaceEdit.setMaxLength(80)

        self.personLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.birthPlaceEdit)

        self.birthDateLabel = QLabel(self.personBox)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.personLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.birthDateLabel)

        self.birthDateEdit = DateField(self.personBox)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.personLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.birthDateEdit)

        self.nikNoteLabel = QLabel(self.personBox)
        self.nikNoteLabel.setObjectName(u"nikNoteLabel")
        self.nikNoteLabel.setWordWrap(True)
        self.nikNoteLabel.setVisible(False)

        self.personLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nikNoteLabel)

        self.kecamatanLabel = QLabel(self.personBox)
        self.kecamatanLabel.setObjectName(u"kecamatanLabel")

        self.personLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.kecamatanLabel)

        self.kecamatanCombo = QComboBox(self.personBox)
        self.kecamatanCombo.setObjectName(u"kecamatanCombo")

        self.personLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.kecamatanCombo)

        self.desaLabel = QLabel(self.personBox)
        self.desaLabel.setObjectName(u"desaLabel")

        self.personLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.desaLabel)

        self.desaCombo = QComboBox(self.personBox)
        self.desaCombo.setObjectName(u"desaCombo")

        self.personLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.desaCombo)

        self.addressLabel = QLabel(self.personBox)
        self.addressLabel.setObjectName(u"addressLabel")

        self.personLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.personBox)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaxLength(250)

        self.personLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.personBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.personLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.personBox)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(20)

        self.personLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.occupationLabel = QLabel(self.personBox)
        self.occupationLabel.setObjectName(u"occupationLabel")

        self.personLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.occupationLabel)

        self.occupationEdit = QLineEdit(self.personBox)
        self.occupationEdit.setObjectName(u"occupationEdit")
        self.occupationEdit.setMaxLength(80)

        self.personLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.occupationEdit)

        self.relationLabel = QLabel(self.personBox)
        self.relationLabel.setObjectName(u"relationLabel")

        self.personLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.relationLabel)

        self.relationCombo = QComboBox(self.personBox)
        self.relationCombo.setObjectName(u"relationCombo")

        self.personLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.relationCombo)

        self.joinDateLabel = QLabel(self.personBox)
        self.joinDateLabel.setObjectName(u"joinDateLabel")

        self.personLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.joinDateLabel)

        self.joinDateEdit = DateField(self.personBox)
        self.joinDateEdit.setObjectName(u"joinDateEdit")

        self.personLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.joinDateEdit)


        self.mainLayout.addWidget(self.personBox)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.categoriesBox = QGroupBox(MemberForm)
        self.categoriesBox.setObjectName(u"categoriesBox")
        self.categoriesLayout = QVBoxLayout(self.categoriesBox)
        self.categoriesLayout.setObjectName(u"categoriesLayout")

        self.rightLayout.addWidget(self.categoriesBox)

        self.householdBox = QGroupBox(MemberForm)
        self.householdBox.setObjectName(u"householdBox")
        self.householdLayout = QVBoxLayout(self.householdBox)
        self.householdLayout.setObjectName(u"householdLayout")
        self.householdTable = QTableWidget(self.householdBox)
        self.householdTable.setObjectName(u"householdTable")

        self.householdLayout.addWidget(self.householdTable)

        self.householdButtons = QHBoxLayout()
        self.householdButtons.setObjectName(u"householdButtons")
        self.addPersonButton = QPushButton(self.householdBox)
        self.addPersonButton.setObjectName(u"addPersonButton")

        self.householdButtons.addWidget(self.addPersonButton)

        self.removePersonButton = QPushButton(self.householdBox)
        self.removePersonButton.setObjectName(u"removePersonButton")

        self.householdButtons.addWidget(self.removePersonButton)

        self.householdSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.householdButtons.addItem(self.householdSpacer)


        self.householdLayout.addLayout(self.householdButtons)


        self.rightLayout.addWidget(self.householdBox)

        self.notesBox = QGroupBox(MemberForm)
        self.notesBox.setObjectName(u"notesBox")
        self.notesLayout = QVBoxLayout(self.notesBox)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesBox)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.notesLayout.addWidget(self.notesEdit)


        self.rightLayout.addWidget(self.notesBox)


        self.mainLayout.addLayout(self.rightLayout)

#if QT_CONFIG(shortcut)
        self.fullNameLabel.setBuddy(self.fullNameEdit)
        self.nikLabel.setBuddy(self.nikEdit)
        self.kkLabel.setBuddy(self.kkEdit)
        self.sexLabel.setBuddy(self.sexCombo)
        self.birthPlaceLabel.setBuddy(self.birthPlaceEdit)
        self.birthDateLabel.setBuddy(self.birthDateEdit)
        self.kecamatanLabel.setBuddy(self.kecamatanCombo)
        self.desaLabel.setBuddy(self.desaCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.occupationLabel.setBuddy(self.occupationEdit)
        self.relationLabel.setBuddy(self.relationCombo)
        self.joinDateLabel.setBuddy(self.joinDateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fullNameEdit, self.nikEdit)
        QWidget.setTabOrder(self.nikEdit, self.kkEdit)
        QWidget.setTabOrder(self.kkEdit, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.birthPlaceEdit)
        QWidget.setTabOrder(self.birthPlaceEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.kecamatanCombo)
        QWidget.setTabOrder(self.kecamatanCombo, self.desaCombo)
        QWidget.setTabOrder(self.desaCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.occupationEdit)
        QWidget.setTabOrder(self.occupationEdit, self.relationCombo)
        QWidget.setTabOrder(self.relationCombo, self.joinDateEdit)
        QWidget.setTabOrder(self.joinDateEdit, self.householdTable)
        QWidget.setTabOrder(self.householdTable, self.addPersonButton)
        QWidget.setTabOrder(self.addPersonButton, self.removePersonButton)
        QWidget.setTabOrder(self.removePersonButton, self.notesEdit)

        self.retranslateUi(MemberForm)

        QMetaObject.connectSlotsByName(MemberForm)
    # setupUi

    def retranslateUi(self, MemberForm):
        self.personBox.setTitle(QCoreApplication.translate("MemberForm", u"Data diri", None))
        self.fullNameLabel.setText(QCoreApplication.translate("MemberForm", u"Nama &lengkap*:", None))
        self.nikLabel.setText(QCoreApplication.translate("MemberForm", u"&NIK:", None))
        self.nikEdit.setPlaceholderText(QCoreApplication.translate("MemberForm", u"16 digit, boleh kosong", None))
        self.kkLabel.setText(QCoreApplication.translate("MemberForm", u"No. &KK:", None))
        self.sexLabel.setText(QCoreApplication.translate("MemberForm", u"&Jenis kelamin*:", None))
        self.birthPlaceLabel.setText(QCoreApplication.translate("MemberForm", u"&Tempat lahir:", None))
        self.birthDateLabel.setText(QCoreApplication.translate("MemberForm", u"Tanggal la&hir*:", None))
        self.kecamatanLabel.setText(QCoreApplication.translate("MemberForm", u"Ke&camatan*:", None))
        self.desaLabel.setText(QCoreApplication.translate("MemberForm", u"&Desa*:", None))
        self.addressLabel.setText(QCoreApplication.translate("MemberForm", u"&Alamat:", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("MemberForm", u"RT/RW, dusun, jalan", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberForm", u"Tele&pon:", None))
        self.occupationLabel.setText(QCoreApplication.translate("MemberForm", u"Peker&jaan:", None))
        self.relationLabel.setText(QCoreApplication.translate("MemberForm", u"&Hubungan dalam KK:", None))
        self.joinDateLabel.setText(QCoreApplication.translate("MemberForm", u"Tanggal &bergabung:", None))
        self.categoriesBox.setTitle(QCoreApplication.translate("MemberForm", u"Kategori kerentanan", None))
        self.householdBox.setTitle(QCoreApplication.translate("MemberForm", u"Anggota keluarga lain dalam KK", None))
        self.addPersonButton.setText(QCoreApplication.translate("MemberForm", u"Tambah &orang", None))
        self.removePersonButton.setText(QCoreApplication.translate("MemberForm", u"Hap&us orang", None))
        self.notesBox.setTitle(QCoreApplication.translate("MemberForm", u"Catatan", None))
        pass
    # retranslateUi

