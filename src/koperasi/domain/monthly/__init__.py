"""The month as a whole (Laporan bulanan, Beranda's charts): plain figures and the chart palette."""
