"""The month as a whole: twelve months of history for the charts and the Laporan bulanan.

Not an area: like Beranda it reads every area (loans, members, sales, trainings) through their services.
"""
