"""TABEL : 4.1 Rencana Program dan Kegiatan ... Tahun 2025 dan Prakiraan Maju Tahun 2026.

The core table (seed lines 774-827). One tuple per plan row, in seed order:
(urusan, bidang, program, kegiatan, sub_kegiatan,      # Kode, five TEXT cells (A..E)
 sasaran, nama, indikator, lokasi,                     # F..I
 target_2025, pagu_2025, sumber_dana,                  # J..L  (pagu int, None = empty)
 target_2026, pagu_2026)                               # M..N

Where the PDF collapsed empty cells, values are placed in their column by sense (a row with
only one trailing number after the 2025 pagu has it as the 2026 pagu; 7.01.01.2.03 and
7.01.01.2.06.xx carry a 2026 target). Wrapped fragments the PDF put on their own line are
joined into the cell above: "Disediakan" (indikator of 7.01.01.2.07.0006), "Wilayah
Kecamatan" (sasaran of 7.01.04.2.01.0001), "Kemasyaraka tan" (2026 target of
7.01.03.2.01.0001). Everything else as printed, real errors included (see ../KEJOBONG.md).
"""

TITLE = ("TABEL : 4.1 Rencana Program dan Kegiatan Kecamatan Kejobong Tahun 2025 dan "
         "Prakiraan Maju Tahun 2026")
SUBTITLE = "Nama Perangkat Daerah : Kecamatan Kejobong"

# Header row 1: (text, first col, last col, merged over both header rows?)
HEADER_1 = [
    ("Kode", 0, 4, True),
    ("Sasaran Program/Kegiatan/Sub Kegiatan", 5, 5, True),
    ("Urusan/Bidang Urusan Pemerintahan Daerah & Program/Kegiatan/Sub Kegiatan", 6, 6, True),
    ("Indikator Kinerja Program/Kegiatan/Sub Kegiatan", 7, 7, True),
    ("Rencana Tahun 2025", 8, 11, False),
    ("Prakiraan Maju Rencana Tahun 2026", 12, 13, False),
]
HEADER_2 = [
    ("Lokasi", 8),
    ("Target Capaian Kinerja", 9),
    ("Kebutuhan Dana/Pagu Indikatif", 10),
    ("Sumber Dana", 11),
    ("Target Capaian Kinerja", 12),
    ("Kebutuhan Dana/Pagu Indikatif", 13),
]
# column-number row: "1" merged over A..E, then "2".."10" in F..N (text)
COLNUMS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")

FOOTER = "62 | Renja Kecamatan Kejobong 2025"  # page footer before the repeated header

ROWS = [
    ('7', '01', '01', '', '', 'Pengelolaan Penunjang Urusan Pemerintah Daerah', 'PROGRAM URUSAN PEMERINTAHAN DAERAH KABUPATEN /KOTA (GENERIK)', 'Persentase ketersediaan laporan capaian kinerja - Prosetase temuan pengelolaan anggaran yang ditindak lanjuti - Persentase Ketersediaan layanan kepegawaian, administrasi umum dan jasa penunjang urusan pemerintahan daerah - Presentase Pengelolaan Admimistrasi Aset Milik Daerah Sesuai Ketentuan - Persentase pengadaan barang milik daerah - Persentase pemeliharaan barang milik daerah', 'Kecamatan Kejobong', '100%', 1802641000, 'DAU', '100%', 1802641000),  # seed line 781
    ('7', '01', '01', '2.01', '', 'Tersedianya dokumen perencanaan dan pelaporan perangkat daerah', 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah', 'Jumlah Dokumen Perencanaan Perangkat Daerah', 'Kecamatan Kejobong', '100%', 10000000, '', '5 Dok', 10000000),  # seed line 782
    ('7', '01', '01', '2.01', '0001', 'Tersusunnya Dokumen Perencanaan Perangkat Daerah', 'Penyusunan Dokumen Perencanaan Daerah', 'Jumlah Dokumen Perencanaan Daerah', 'Kecamatan Kejobong', '4 Dokumen', 6000000, '', '', 6000000),  # seed line 783
    ('7', '01', '01', '2.01', '0007', 'Terlaksananya Evaluasi Kinerja Perangkat Daerah', 'Evaluasi Kinerja Perangkat Daerah', 'Jumlah Laporan Evaluasi Kinerja Perangkat Daerah', '', '4 Laporan', 4000000, '', '', 4000000),  # seed line 784
    ('7', '01', '01', '2.02', '', 'Tersedianya Pengelolaan administrasi keuangan perangkat daerah', 'Administrasi Keuangan Perangkat Daerah', 'Prosetase temuan pengelolaan anggaran yang ditindaklanjuti', 'Kecamatan Kejobong', '100%', 1405793000, '', '100%', 1405793000),  # seed line 785
    ('7', '01', '01', '2.02', '0001', 'Tersedianya Gaji dan Tunjangan ASN', 'Penyediaan Gaji dan Tunjangan ASN', 'Jumlah Orang yang Menerima Gaji dan Tunjangan ASN', 'Kecamatan Kejobong', '10 org/bln', 1390833000, '', '', 1390833000),  # seed line 787
    ('7', '01', '01', '2.02', '0002', 'Tersedianya Administrasi Pelaksanaan Tugas ASN', 'Penyediaan Administrasi Pelaksanaan Tugas ASN', 'Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksaan Tugas ASN', 'Kecamatan Kejobong', '20 dokumen', 1000000, '', '', 1000000),  # seed line 788
    ('7', '01', '01', '2.02', '04', 'Terlaksananya Koordinasi Pelaksanaan Akuntansi SKPD', 'Koordinasi dan Pelaksanaan Akuntasi SKPD', 'Jumlah Dokumen Koordinasi dan Pelaksanaan Akuntansi SKPD', 'Kecamatan Kejobong', '12 dokumen', 13960000, '', '', 13960000),  # seed line 789
    ('7', '01', '01', '2.03', '', 'Terlaksananya Penatausahaan Barang Milik Daerah pada SKPD', 'Administrasi Barang Milik Daerah Pada Perangkat Daerah', 'Jumlah Laporan Penatausahaan Barang Milik Daerah Pada SKPD', 'Kecamatan Kejobong', '100%', 1400000, '', '100%', 1400000),  # seed line 790
    ('7', '01', '01', '2.03', '06', 'Terlaksananya Penatausahaan Barang Milik Daerah pada SKPD', 'Penatausahaan Barang Milik Daerah pada SKPD', 'Jumlah Laporan Penatausahaan Barang Milik Daerah pada SKPD', 'Kecamatan Kejobong', '12 Laporan', 1400000, '', '', 1400000),  # seed line 791
    ('7', '01', '01', '2.06', '', 'Terlaksananya Administrasi Umum Perangkat Daerah', 'Administrasi Umum Perangkat Daerah', 'Jumlah Paket Komponen Instalasi Listrik /Penerangan Bangunan Kantor', 'Kecamatan Kejobong', '100%', 25400000, '', '100%', 25400000),  # seed line 792
    ('7', '01', '01', '2.06', '01', 'Tersedianya Komponen Instalasi Listrik/Penerangan Bangunan Kantor', 'Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor', 'Jumlah Paket komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan', 'Kecamatan Kejobong', '12 Paket', 2500000, '', '12 Paket', 2500000),  # seed line 793
    ('7', '01', '01', '2.06', '04', 'Tersedianya Bahan Logistik Kantor', 'Penyediaan Bahan Logistik Kantor', 'Jumlah Paket Bahan Logistik Kantor yang Disediakan', 'Kecamatan Kejobong', '1 Paket', 14000000, '', '1 Paket', 14000000),  # seed line 794
    ('7', '01', '01', '2.06', '09', 'Terlaksananya Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', 'Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', 'Kecamatan Kejobong', '12 Laporan', 3700000, '', '12 Laporan', 3700000),  # seed line 795
    ('7', '01', '01', '2.06', '11', 'Terlaksananya Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD', 'Dukungan Pelaksanaan Sistem Pemerintahan Daerah', 'Jumlah Dokumen Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD', 'Kecamatan Kejobong', '12 Dokumen', 5200000, '', '12 Dokumen', 5200000),  # seed line 796
    ('7', '01', '01', '2.07', '', 'Tersedianya barang milik daerah penunjang urusan pemerintah daerah', 'Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah', 'Tersedianya barang milik daerah penunjang urusan pemerintah daerah', 'Kecamatan Kejobong', '100%', 60000000, '', '', None),  # seed line 797
    ('7', '01', '01', '2.07', '', 'Tersedianya barang milik daerah penunjang urusan pemerintah daerah', 'Pengadaan Peralatan dan Mesin Lainnya', 'Tersedianya barang milik daerah penunjang urusan pemerintah daerah', 'Kecamatan Kejobong', '4 Unit', 60000000, '', '', 100000000),  # seed line 798
    ('7', '01', '01', '2.07', '0006', 'Tersedianya Peralatan dan Mesin Lainnya', 'Pengadaan Peralatan dan Mesin Lainnya', 'Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan', 'Kecamatan Kejobong', '4 Unit', 60000000, '', '', 100000000),  # seed line 799
    ('7', '01', '01', '2.08', '', 'Tersedianya Jasa Penunjang Urusan Pemerintahan Daerah', 'Penyedia Jasa Penunjang Urusan Pemerintahan Daerah', 'Jumlah Laporan Penyediaan Jasa surat menyurat', 'Kecamatan Kejobong', '100%', 118260000, '', '100%', 118260000),  # seed line 802
    ('7', '01', '01', '2.08', '02', 'Tersedianya Jasa Komunikasi, Sumber Daya Air, dan Listrik', 'Penyediaan Jasa Komunikasi, Sumber Daya Air, dan Listrik', 'Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air, dan Listrik yang Disediakan', 'Kecamatan Kejobong', '12 Laporan', 9600000, '', '12 Laporan', 10000000),  # seed line 803
    ('7', '01', '01', '2.08', '04', 'Tersedianya Jasa Pelayanan Umum Kantor', 'Penyediaan Jasa Pelayanan Umum Kantor', 'Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang disediakan', 'Kecamatan Kejobong', '12 Laporan', 108660000, '', '12 Laporan', 108660000),  # seed line 804
    ('7', '01', '01', '2.09', '', 'Terlaksananya Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah', 'Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Milik Daerah', 'Terpeliharanya Barang milik daerah penunjang urusan pemerintahan daerah', 'Kecamatan Kejobong', '12 bulan', 75410000, '', '12 bulan', 75410000),  # seed line 805
    ('7', '01', '01', '2.09', '0002', 'Tersedianya Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas, Operasional atau Lapangan', 'Penyediaan Jasa Pemeliharaan,Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas, Operasional atau Lapangan', 'Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan dibayarkan pajak dan Perizinannya', 'Kecamatan Kejobong', '15 Unit', 70306000, '', '15 Unit', 70306000),  # seed line 806
    ('7', '01', '01', '2.09', '0006', 'Terpeliharanya Peralatan dan Mesin Lainnya', 'Pemeliharaan Peralatan dan Mesin Lainnya', 'Jumlah Peralatan dan Mesin Lainnya dipelihara', 'Kecamatan Kejobong', '3 Unit', 2000000, '', '', 10000000),  # seed line 807
    ('7', '01', '01', '2.09', '0009', 'Terpeliharanya Gedung Kantor dan Bangunan Lainnya', 'Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya', 'Jumlah Gedung Kantor dan Bangunan lainnya dipelihara', 'Kecamatan Kejobong', '3 Unit', 3104000, '', '', 50000000),  # seed line 808
    ('7', '01', '02', '', '', 'Meningkatnya Penyelenggaraan Pemerintahan dan Pelayanan Publik di Kecamatan', 'PROGRAM PENYELENGARAAN PEMERINTAHAN DAN PELAYAN PUBLIK', 'Nilai Evaluasi Pelayanan Publik', 'Kecamatan Kejobong', '3,9', 34452000, 'DAU', '3,5', 34452000),  # seed line 809
    ('7', '01', '02', '2.01', '', 'Meningkatnya Koordinasi Penyelenggaraan Pemerintahan di Kecamatan', 'Koordinasi Penyelengaraan Kegiatan Pemerintahan di Tingkat Kecamatan', 'Nilai Evaluasi Pelayanan Publik', 'Kecamatan Kejobong', '3,9', 30767000, '', '3,5', 30767000),  # seed line 810
    ('7', '01', '02', '2.01', '0002', 'Meningkatnya Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan', 'Peningkatan Efektivitas Kegiatan Pemerintahan di Tingkat Kecamatan', 'Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan', 'Kecamatan Kejobong', '12 Dokumen', 30767000, '', '', 30767000),  # seed line 811
    ('7', '01', '02', '2.04', '', 'Terlaksananya urusan Pemerintahan yang dilimpahkan kepada Camat', 'Pelaksanaan Urusan Pemerintahan yang Dilimpahkan Pada Camat', 'Jumlah Laporan Pelaksanan Kewenangan lain yang dilimpahkan', 'Kecamatan Kejobong', '100 %', 3685000, '', '', 16000000),  # seed line 813
    ('7', '01', '02', '2.04', '0001', 'Terlaksananya Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha', 'Pelaksanaan Urusan Pemerintahan yang Terkait dengan Pelayanan Perizinan Non Usaha', 'Jumlah Dokumen Non Perizinan Usaha yang Dilaksanakan', 'Kecamatan Kejobong', '15 Dokumen', 3685000, '', '15 Dokumen', 3685000),  # seed line 814
    ('7', '01', '03', '', '', 'Terlaksananya Program Pemberdayaan Masyarakat Desa di Kecamatan Kejobong', 'PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN', 'Prosentase Keaktifan Lembaga Desa dan Kelurahan di Kecamatan Kejobong', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '100%', 49800000, 'DAU', '100%', 49800000),  # seed line 815
    ('7', '01', '03', '2.01', '', '', 'Koordinasi Kegiatan Pemberdayaan Desa', 'Peningkatan Partisipasi Masyarakat dalam Form Musyawarah Perencanan Pembangunan Desa', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '100%', 49800000, '', '100%', 96000000),  # seed line 816
    ('7', '01', '03', '2.01', '0001', 'Meningkatnya Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa', 'Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa', 'Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam forum Musyawarah Perencanaan Pembangunan di Desa', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '13 Lembaga Kemasyarakatan', 12800000, '', '13 Lembaga Kemasyarakatan', 12800000),  # seed line 817
    ('7', '01', '03', '2.01', '0003', 'Meningkatnya Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan', 'Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan', 'Jumlah Laporan Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '13 Laporan', 37000000, '', '', 37000000),  # seed line 818
    ('7', '01', '04', '', '', 'Terselenggaranya Koordinasi Ketentraman dan Ketertiban Umum', 'PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM', 'Prosentase laporan kejadian gangguan ketentraman dan ketertiban umum yang dilaporkan', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '100 %', 24800000, 'DAU', '100 %', 24760000),  # seed line 819
    ('7', '01', '04', '2.01', '', 'Terselenggaranya koordinasi ketentraman dan ketertiban umum', 'Koordinasi Upaya Penyelengaran Ketentraman dan Ketertiban', 'Jumlah koordinasi upaya penyelenggaraan ketentraman dan ketertiban umum yang dilaporkan', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '12 kegiatan', 24800000, '', '12 Dok', 24760000),  # seed line 820
    ('7', '01', '04', '2.01', '0001', 'Terlaksananya Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia, dan Instansi Vertikal di Wilayah Kecamatan', 'Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan', 'Jumlah Laporan Hasil Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia, dan Instansi Vertikal di Wilayah Kecamatan', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '12 Laporan', 22000000, '', '12 Laporan', 22000000),  # seed line 821
    ('7', '01', '04', '2.01', '0002', 'Terlaksananya Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat', 'Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat', 'Jumlah Laporan Pelaksanaan Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '12 Laporan', 2800000, '', '12 Laporan', 2800000),  # seed line 824
    ('7', '01', '05', '', '', 'Terselenggaranya Urusan Pemerintahan Umum', 'PROGRAM PENYELENGARAAN URUSAN PEMERINTAHAN UMUM', 'Cakupan Potensi Konflik yang dilaporkan', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '100%', 24600000, 'DAU', '100%', 24600000),  # seed line 825
    ('7', '01', '05', '2.01', '', 'Terselenggaranya Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah', 'Penyelengaraan Urusan Pemerintahan Umum Sesuai Penugasan Kepala Daerah', 'Jumlah orang yang mengikuti Pembinaan dan Kesatuan Bangsa', 'Kab. Purbalingga. Kejobong, Semua Kelurahan', '100%', 24600000, '', '100%', 24600000),  # seed line 826
    ('7', '01', '05', '2.01', '03', 'Terlaksananya Pembinaan Persatuan dan Kesatuan Bangsa', 'Pembinaan Persatuan dan Kesatuan Bangsa', 'Jumlah Orang yang Mengikuti Pembinaan Persatuan dan Kesatuan Bangsa', 'Jumlah Orang yang Mengikuti Pembinaan Persatuan dan Kesatuan Bangsa', '100 Orang', 24600000, '', '100 Orang', 24600000),  # seed line 827
]
