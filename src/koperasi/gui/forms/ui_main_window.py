# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QStatusBar, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1100, 720)
        self.actionChangePassword = QAction(MainWindow)
        self.actionChangePassword.setObjectName(u"actionChangePassword")
        self.actionLogout = QAction(MainWindow)
        self.actionLogout.setObjectName(u"actionLogout")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionOffice = QAction(MainWindow)
        self.actionOffice.setObjectName(u"actionOffice")
        self.actionUsers = QAction(MainWindow)
        self.actionUsers.setObjectName(u"actionUsers")
        self.actionRegions = QAction(MainWindow)
        self.actionRegions.setObjectName(u"actionRegions")
        self.actionCategories = QAction(MainWindow)
        self.actionCategories.setObjectName(u"actionCategories")
        self.actionAuditLog = QAction(MainWindow)
        self.actionAuditLog.setObjectName(u"actionAuditLog")
        self.actionGuide = QAction(MainWindow)
        self.actionGuide.setObjectName(u"actionGuide")
        self.actionGuide.setShortcutContext(Qt.WidgetShortcut)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 6)
        self.mainTabs = QTabWidget(self.centralWidget)
        self.mainTabs.setObjectName(u"mainTabs")
        self.mainTabs.setDocumentMode(True)

        self.centralLayout.addWidget(self.mainTabs)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.menuFile = QMenu(self.menuBar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuSettings = QMenu(self.menuBar)
        self.menuSettings.setObjectName(u"menuSettings")
        self.menuHelp = QMenu(self.menuBar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.menuBar.addAction(self.menuFile.menuAction())
        self.menuBar.addAction(self.menuSettings.menuAction())
        self.menuBar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionChangePassword)
        self.menuFile.addAction(self.actionLogout)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuSettings.addAction(self.actionOffice)
        self.menuSettings.addAction(self.actionUsers)
        self.menuSettings.addAction(self.actionRegions)
        self.menuSettings.addAction(self.actionCategories)
        self.menuSettings.addSeparator()
        self.menuSettings.addAction(self.actionAuditLog)
        self.menuHelp.addAction(self.actionGuide)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Koperasi Berdaya", None))
        self.actionChangePassword.setText(QCoreApplication.translate("MainWindow", u"&Ganti kata sandi\u2026", None))
        self.actionLogout.setText(QCoreApplication.translate("MainWindow", u"&Keluar dari akun (ganti pengguna)", None))
#if QT_CONFIG(shortcut)
        self.actionLogout.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+L", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Tutup program", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionOffice.setText(QCoreApplication.translate("MainWindow", u"Profil &kantor\u2026", None))
        self.actionUsers.setText(QCoreApplication.translate("MainWindow", u"&Pengguna\u2026", None))
        self.actionRegions.setText(QCoreApplication.translate("MainWindow", u"&Wilayah (kecamatan dan desa)\u2026", None))
        self.actionCategories.setText(QCoreApplication.translate("MainWindow", u"&Kategori kerentanan\u2026", None))
        self.actionAuditLog.setText(QCoreApplication.translate("MainWindow", u"&Catatan audit\u2026", None))
        self.actionGuide.setText(QCoreApplication.translate("MainWindow", u"&Panduan", None))
#if QT_CONFIG(shortcut)
        self.actionGuide.setShortcut(QCoreApplication.translate("MainWindow", u"F1", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&Tentang Koperasi Berdaya\u2026", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&Berkas", None))
        self.menuSettings.setTitle(QCoreApplication.translate("MainWindow", u"&Pengaturan", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"B&antuan", None))
    # retranslateUi

