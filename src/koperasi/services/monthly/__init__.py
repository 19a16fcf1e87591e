"""The month as a whole: twelve months of history for the charts and the Laporan bulanan.

Its folder has the same name in every layer; like Beranda it joins the areas and reads every one of them
(loans, members, sales, trainings).
"""
