"""Tabel 2.1 (both tables of the seed's section 2.1).

REKAP_*: "TABEL : 2.1 REKAPITULASI EVALUASI HASIL PELASANAAN RENJA ..." (columns (1)..(11)).
Codes exactly as printed (shifted/garbled in the seed), values as printed text.

IKU_*: "Tabel : 2.1 Perbandingan Capaian Indikator Kerja Utama Tahun 2022 dan 2023";
decimals ("83,88") as text, integers as numbers, as printed.
"""

REKAP_TITLE = (
    "TABEL : 2.1 REKAPITULASI EVALUASI HASIL PELASANAAN RENJA KECAMATAN KEJOBONG DAN "
    "PENCAPAIAN RENSTRA KECAMATAN KEJOBONG S/D TAHUN 2023 DAN PERKIRAAN REALISASI TARGET "
    "PROGRAM/KEGIATAN RENSTRA KECAMATAN KEJOBONG TAHUN 2024"
)

# Header row 1: (text, first col, last col, merged over both header rows?)
REKAP_HEADER_1 = [
    ("Kode", 0, 0, True),
    ("Urusan/ Bidang Urusan Pemerintahan Daerah dan Program/ Kegiatan", 1, 1, True),
    ("Indikator Kinerja Program (Outcomes)/ Kegiatan (Output)/ Sub Kegiatan (sub ouput)", 2, 2, True),
    ("Target Kinerja Capaian Program (Renstra) Tahun 2021 sd 2026", 3, 3, True),
    ("Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun 2022", 4, 4, True),
    # seed prints this group header garbled: "Realisasi Kine atan Tahun La"
    ("Realisasi Kinerja Program dan Kegiatan Tahun Lalu", 5, 7, False),
    ("Target Program dan Kegiatan (Renja Tahun 2024)", 8, 8, True),
    ("Perkiraan Realisasi Capaian Target Renstra Perangkat Derah s/d Tahun 2024", 9, 10, False),
]
# Header row 2: (text, col) under the two group headers
REKAP_HEADER_2 = [
    ("Target Renja Perangkat Daerah Tahun 2023", 5),
    ("Realisasi Renja Perangkat Daerah Tahun 2023", 6),
    ("Tingkat Realisasi (%)", 7),
    ("Realisasi Capaian Program dan Kegiatan s/d Tahun Berjalan (Tahun 2024)", 9),
    ("Tingkat Capaian Realisasi Target Renstra (%)", 10),
]

REKAP_COLNUMS = ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8) = (7/6)", "(9)",
                 "(10)=(5+7+9)", "(11)=(10/4)")

# Every data row (11 columns), in seed order; page footer / blank lines of the PDF dropped.
REKAP_ROWS = [
    ('', 'UNSUR KEWILAYAHAN KECAMATAN', '', '', '', '', '', '', '', '', ''),  # seed line 210
    ('', 'PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH KABUPATEN/ KOTA', 'Prosentase Ketersediaan Laporan Capaian Kinerja', '', '100%', '100%', '100%', '100%', '100%', '100%', '100%'),  # seed line 211
    ('', 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah', 'Dokumen Perencanaan dan Pelaporan yang Diserahkan Tepat Waktu', 'NA', '100%', '100%', '100%', '100%', '100%', '100%', '100%'),  # seed line 212
    ('01.2.01', 'Penyusunan Dokumen Perencanaan Perangkat Daerah', 'Tersusunnya Dokumen Perencanaan Perangkat Daerah', 'NA', '2 dokumen', '2 dokumen', '2 dokumen', '100%', '2 dokumen', '2 dokumen', '100%'),  # seed line 213
    ('01.2.01.01', 'Evaluasi Kinerja Perangkat Daerah', 'Terlaksananya Evaluasi Kinerja Perangkat Daerah', 'NA', '4 dokumen', '4 dokumen', '4 dokumen', '100%', '4 dokumen', '4 dokumen', '100%'),  # seed line 217
    ('01.2.01.07', 'Administrasi Keuangan Pemerintah Daerah', 'Prosentase Dokumen Administrasi Keuangan yang Disusun Sesuai Ketentuan', 'NA', '100 persen', '100 persen', '100 persen', '100%', '100 persen', '100 persen', '100%'),  # seed line 218
    ('01.2.02', 'Penyediaan Gaji dan Tunjangan ASN', 'Tersedianya Gaji dan Tunjangan ASN', 'NA', '15 Orang / Bulan', '15 Orang / Bulan', '15 Orang / Bulan', '100%', '15 Orang / Bulan', '15 Orang / Bulan', '100%'),  # seed line 219
    ('01.2.02.01', 'Penyediaan Administrasi Pelaksanaan Tugas ASN', 'Terlaksananya Administrasi Pelaksanaan Tugas ASN', 'NA', '12 laporan', '12 laporan', '12 laporan', '100%', '12 laporan', '12 laporan', '100%'),  # seed line 220
    ('01.2.02.02', 'Koordinasi dan Pelaksanaan Akuntansi SKPD', 'Terlaksananya Koordinasi dan Pelaksanaan Akuntansi SKPD', 'NA', '9 Orang', '9 Orang', '9 Orang', '100%', '9 Orang', '9 Orang', '100%'),  # seed line 221
    ('01.2.02.04', 'Administrasi Barang Milik Daerah Pada Perangkat Daerah', 'Prosentase Ketersediaan Layanan Administrasi Barang', 'NA', '100%', '100%', '100%', '100%', '100%', '100%', '100%'),  # seed line 222
    ('', 'Penatausahaan Barang Milik Daerah Pada SKPD', 'Terlaksananya Penatausahaan Barang Milik Daerah Pada SKPD', 'NA', '12 laporan', '12 laporan', '12 laporan', '100%', '12 laporan', '12 laporan', '100%'),  # seed line 223
    ('', 'Administrasi Umum Perangkat Daerah', 'Prosentase Ketersediaan Layanan Administrasi Umum', 'NA', '100%', '100%', '100%', '100%', '100%', '100%', '100%'),  # seed line 224
    ('01.2.06', 'Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor', 'Tersedianya Komponen Instalasi Listrik/Penerangan Bangunan Kantor', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 225
    ('01.2.06.01', 'Penyediaan Bahan Logistik Kantor', 'Tersedianya Bahan Logistik Kantor', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 227
    ('01.2.06.03', 'Penyediaan Bahan Bacaan dan Peraturan Perundang-Undangan', 'Tersedianya Bahan Bacaan dan Peraturan Perundang-Undangan', 'NA', '12 exemplar', '12 exemplar', '12 exemplar', '100%', '12 exemplar', '12 exemplar', '100%'),  # seed line 228
    ('01.2.06.04', 'Fasilitasi Kunjungan Tamu', 'Terlaksananya Fasilitasi Kunjungan Tamu', 'NA', '60 orang', '60 orang', '60 orang', '100%', '60 orang', '60 orang', '100%'),  # seed line 229
    ('01.2.06.06', 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', 'Terlaksananya Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', 'NA', '12 laporan', '12 laporan', '12 laporan', '100%', '12 laporan', '12 laporan', '100%'),  # seed line 230
    ('01.2.06.08', 'Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD', 'Terlaksananya Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD', 'NA', '12 laporan', '12 laporan', '12 laporan', '100%', '12 laporan', '12 laporan', '100%'),  # seed line 231
    ('01.2.06.09', 'Penyediaan Jasa Penunjang Urusan Pemerintah Daerah', 'Tersedianya Jasa Penunjang Urusan Pemerintah Daerah', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 232
    ('01.2.08', 'Penyediaan Jasa Surat Menyurat', 'Tersedianya Jasa Surat Menyurat', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 233
    ('01.2.08.01', 'Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik', 'Tersedianya Jasa Komunikasi, Sumber Daya Air dan Listrik', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 234
    ('01.2.08.02', 'Penyediaan Jasa Peralatan dan Perlengkapan Kantor', 'Tersedianya Jasa Peralatan dan Perlengkapan Kantor', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 235
    ('01.2.08.03', 'Penyediaan Jasa Pelayanan Umum Kantor', 'Tersedianya Jasa Pelayanan Umum Kantor', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 237
    ('01.2.08.04', 'Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah', 'Terpeliharanya Barang Milik Daerah Penunjang Urusan Pemerintah Daerah', 'NA', '12 bulan', '12 bulan', '12 bulan', '100%', '12 bulan', '12 bulan', '100%'),  # seed line 238
    ('01.2.07', 'Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional, atau Lapangan', 'Tersedianya Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional, atau Lapangan', 'NA', '13 unit', '13 unit', '13 unit', '100%', '13 unit', '13 unit', '100%'),  # seed line 239
    ('01.2.07.06', 'Pemeliharaan Peralatan dan Mesin Lainnya', 'Terlaksananya Pemeliharaan Peralatan dan Mesin Lainnya', 'NA', '3 unit', '3 unit', '3 unit', '100%', '3 unit', '3 unit', '100%'),  # seed line 240
    ('01.2.09', 'Pemeliharaaan / Rehabilitasi Gedung Kantor dan Bangunan Lainnya', 'Terlaksananya Pemeliharaaan / Rehabilitasi Gedung Kantor dan Bangunan Lainnya', 'NA', '1 unit', '1 unit', '1 unit', '100%', '1 unit', '1 unit', '100%'),  # seed line 241
    ('01.2.09.02', 'UNSUR KEWILAYAHAN', '', 'NA', '', '', '', '100%', '', '', '100%'),  # seed line 242
    ('01.2.09.06', 'PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK', 'Nilai Evaluasi Pelayanan Publik', 'NA', '', '', '', '100%', '', '', '100%'),  # seed line 243
    ('01.2.09.09', 'Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan', 'Jumlah Rekomendasi Terkait Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan', 'NA', '26 kegiatan', '26 kegiatan', '26 kegiatan', '100%', '26 kegiatan', '26 kegiatan', '100%'),  # seed line 245
    ('', 'Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan', 'Meningkatnya Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan', 'NA', '26 kegiatan', '26 kegiatan', '26 kegiatan', '100%', '26 kegiatan', '26 kegiatan', '100%'),  # seed line 246
    ('02', 'Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat', 'Jumlah Pelayanan yang Dilaksanakan', 'NA', '6 jenis', '6 jenis', '6 jenis', '100%', '6 jenis', '6 jenis', '100%'),  # seed line 247
    ('02.2.01', 'Pelaksanaan Urusan Pemerintahan yang terkait dengan Non Perijinan', 'Terlaksananya Urusan Pemerintahan yang terkait dengan Non Perijinan', 'NA', '6 jenis', '6 jenis', '6 jenis', '100%', '6 jenis', '6 jenis', '100%'),  # seed line 248
    ('02.2.01.02', 'PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN', 'Prosentase Keaktifan Lembaga Desa', 'NA', '100%', '100%', '100%', '100%', '100%', '100%', '100%'),  # seed line 249
    ('02.2.04', 'Koordinasi Kegiatan Pemberdayaan Desa', 'Jumlah Fasilitasi Lembaga dan Forum Kemasyarakatan', 'NA', '14 kegiatan', '14 kegiatan', '14 kegiatan', '100%', '14 kegiatan', '14 kegiatan', '100%'),  # seed line 250
    ('02.2.04.02', 'Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa', 'Meningkatnya Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa', 'NA', '13 desa', '13 desa', '13 desa', '100%', '13 desa', '13 desa', '100%'),  # seed line 251
    ('03', 'Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan', 'Meningkatnya Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan', 'NA', '13 desa', '13 desa', '13 desa', '100%', '13 desa', '13 desa', '100%'),  # seed line 252
    ('03.2.01', 'PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM', 'Jumlah Laporan Kejadian Gangguan Ketenteraman dan Ketertiban Umum', 'NA', '12 laporan', '12 laporan', '12 Iaporan', '100%', '12 laporan', '12 laporan', '100%'),  # seed line 254
    ('03.2.01.01', 'Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum', 'Jumlah Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum', 'NA', '12 laporan', '12 laporan', '12 Iaporan', '100%', '12 laporan', '12 laporan', '100%'),  # seed line 255
    ('03.2.01.03', 'Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan instansi vertikal di wilayah kecamatan', 'Terlaksananya Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan instansi vertikal di wilayah kecamatan', 'NA', '4 kegiatan', '4 kegiatan', '4 kegiatan', '100%', '4 kegiatan', '4 kegiatan', '100%'),  # seed line 256
    ('04', 'Harmonisasi Hubungan Dengan Tokoh Agama dan Tokoh Masyarakat', 'Terlaksananya Harmonisasi Hubungan Dengan Tokoh Agama dan Tokoh Masyarakat', 'NA', '10 kegiatan', '10 kegiatan', '10 kegiatan', '100%', '10 kegiatan', '10 kegiatan', '100%'),  # seed line 257
    ('04.2.01', 'PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM', 'Cakupan Potensi Konflik yang Dilaporkan', 'NA', '12 laporan', '12 laporan', '5 laporan', '42%', '12 laporan', '5 laporan', '42%'),  # seed line 258
    ('04.2.01.01', 'Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah', 'Jumlah Laporan Potensi Konflik', 'NA', '12 laporan', '12 laporan', '5 laporan', '42%', '12 laporan', '5 laporan', '42%'),  # seed line 259
    ('04.2.01.02', 'Pembinaan Persatuan dan Kesatuan Bangsa', 'Terlaksananya Pembinaan Persatuan dan Kesatuan Bangsa', 'NA', '1 kegiatan', '1 kegiatan', '1 kegiatan', '100%', '1 kegiatan', '1 kegiatan', '100%'),  # seed line 260
    ('05', 'PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA', 'Prosentase Desa yang melaksanakan tertib administrasi', 'NA', '100%', '100%', '100%', '100%', '100%', '100%', '100%'),  # seed line 262
    ('05.2.01', 'Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa', 'Cakupan desa yang melaksanakan tertib administrasi', 'NA', '100%', '100%', '100%', '100%', '100%', '100%', '100%'),  # seed line 263
]

IKU_TITLE = "Tabel : 2.1 Perbandingan Capaian Indikator Kerja Utama Tahun 2022 dan 2023"
IKU_GROUPS = [("TAHUN 2022", 0, 4), ("TAHUN 2023", 5, 11)]
IKU_HEADER = (
    "Tujuan", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Capaian",
    "Tujuan", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target",
    "Capaian Kinerja", "% Capaian Kinerja",
)
IKU_ROWS = [
    ("Meningkatnya Kualitas Pelayanan Publik", "", "Indeks Kepuasan Masyarakat (IKM)", "Nilai", 83,
     "Meningkatnya Kualitas Pelayanan Publik", "", "Indeks Kepuasan Masyarakat (IKM)", "Nilai", 87,
     "83,88", "96,41"),  # seed line 200 ("Meningkat nya" wrap joined)
    ("", "Meningkatnya kualitas kelembagaan Kecamatan", "Nilai SAKIP Kecamatan", "%", "55,76",
     "", "Meningkatnya kualitas kelembagaan Kecamatan", "Nilai SAKIP Kecamatan", "%", 64,
     "61,96", "96,81"),  # seed line 201
    ("", "3. Meningkatnya kualitas Pelayanan Kecamatan", "Indeks kepuasan Masyarakat (IKM) Kecamatan",
     "Nilai", 83, "", "4. Meningkatnya kualitas Pelayanan Kecamatan",
     "Indeks kepuasan Masyarakat (IKM) Kecamatan", "Nilai", 87, "83,88", "96,41"),  # seed line 202
    ("", 1, 1, 1, "", "Rata – rata Capaian Kinerja", "", "", "", "", "", "96,5"),  # seed line 203
]
