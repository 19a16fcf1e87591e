"""A buyer kept in the list: name, telephone, address (new from the sale entry, or edited in the catalogue)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.form_dialog import FieldForm
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales.catalogue import BuyerView


class BuyerDialog(FormDialog):
    def __init__(self, context: AppContext, buyer: BuyerView | None = None, *, name: str = "",
                 parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm()
        self.name_edit = f.add(self.tr("&Nama pembeli:"), QLineEdit(objectName="buyerNameEdit"), "name")
        self.name_edit.setMaxLength(120)
        self.phone_edit = f.add(self.tr("&Telepon:"), QLineEdit(objectName="buyerPhoneEdit"), "phone")
        self.phone_edit.setPlaceholderText(self.tr("boleh kosong"))
        self.address_edit = f.add(self.tr("&Alamat:"), QLineEdit(objectName="buyerAddressEdit"), "address")
        self.address_edit.setMaxLength(250)
        self.active_check = QCheckBox(self.tr("Masih &dipakai"), objectName="buyerActiveCheck")
        self.active_check.setChecked(True)
        if buyer is not None:
            f.add("", self.active_check)
            self.name_edit.setText(buyer.name)
            self.phone_edit.setText(buyer.phone)
            self.address_edit.setText(buyer.address)
            self.active_check.setChecked(buyer.active)
        else:
            self.name_edit.setText(name)
        super().__init__(f, object_name="buyerDialog", width=480, parent=parent)
        self.setWindowTitle(self.tr("Pembeli baru") if buyer is None else self.tr("Ubah pembeli"))
        self.context, self.buyer = context, buyer
        self.saved: uuid.UUID | None = None

    def save(self) -> None:
        with self.context.database.session() as session:
            if self.buyer is None:
                self.saved = sales_catalogue.create_buyer(
                    session, self.context.actor, name=self.name_edit.text(), phone=self.phone_edit.text(),
                    address=self.address_edit.text(),
                )
            else:
                sales_catalogue.update_buyer(
                    session, self.context.actor, self.buyer.id, name=self.name_edit.text(), phone=self.phone_edit.text(),
                    address=self.address_edit.text(), active=self.active_check.isChecked(),
                    expected_version=self.buyer.version,
                )
                self.saved = self.buyer.id
