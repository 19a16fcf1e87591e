"""The Anggota tab: the member register, member form and detail, groups, Excel and member PDFs."""
