"""Tabel 2.5 Usulan Program dan Kegiatan Tahun 2024 Kecamatan Kejobong (seed lines 592-635).

The title is printed "Tabael 2.5 ..." in the seed (kept). Numbering restarts for every desa;
the Kejobong desa block appears twice (items 1-2, then again items 1-4) - both kept.
PDF word-wraps joined: "Pembangunan/Reh abilitasi" -> "Pembangunan/Rehabilitasi",
"PEMBANGUNAN/R EHAB" -> "PEMBANGUNAN/REHAB", "Pembangunan/Pen yediaan" ->
"Pembangunan/Penyediaan", header "KECAMATA N" -> "KECAMATAN". Typos kept ("l;ayak",
"Dersa", "TImbang", "Kereng", "Gelab").
"""

TITLE = "Tabael 2.5 Usulan Program dan Kegiatan Tahun 2024 Kecamatan Kejobong"
HEADER = ("NO", "USULAN", "MASALAH", "ALAMAT LOKASI", "KECAMATAN", "DESA")

ROWS = [
    (1, 'Pelebaran jembatan kabupaten', 'Jembatan terlalu sempit', 'RT 03 RW 02 Dusun 2 , Kab. Purbalingga', 'Kejobong', 'Sokanegara'),  # seed line 594
    (2, 'Pemeliharaan jalan kabupaten', 'kondisi jalan sudah rusak', 'jalan raya penghubung desa Lamuk - Sokanegara, , Kab. Purbalingga', 'Kejobong', 'Sokanegara'),  # seed line 595
    (3, 'Pengadaan dan Pemasangan Lampu Penerangan di Jalan Desa', 'sepanjang jalan ketika malam gelap tanpa penerangan', 'Dusun 4, , Kab. Purbalingga', 'Kejobong', 'Sokanegara'),  # seed line 596
    (1, 'Pemeliharaan jalan kabupaten', 'jalan sudah rusak dan butuh peningkatan.', 'RT 12 RW 06 DUSUN 3. PANJANG x LEBAR x TINGGI (350 x 2,7x 0,05)M , Kab. Purbalingga', 'Kejobong', 'Gumiwang'),  # seed line 597
    (2, 'Bantuan bibit Kambing / Sapi / Domba / Unggas', 'susah mencari bibit unggul yang tahan terhadap lingkungan desa', '100 ekor., Kab. Purbalingga', 'Kejobong', 'Gumiwang'),  # seed line 598
    (3, 'Pengadaan alat kesenian (gamelan, dll)', 'belum memiliki fasilitas alat kesenian', 'Desa Gumiwang. alat rebana 3 set, Kab. Purbalingga', 'Kejobong', 'Gumiwang'),  # seed line 599
    (4, 'Pembangunan jalan kabupaten', 'Jalan sudah rusak dan butuh peningkatan.', 'RT 09-RT 10 RW 05 Dusun 3. PANJANG x LEBAR x TINGGI (750 x 2,7x 0,05)M , Kab. Purbalingga', 'Kejobong', 'Gumiwang'),  # seed line 600
    (1, 'Pembangunan drainase jalan kabupaten', 'pada musim penghujan air meluap ke jalan', 'Ruas Jl. Krenceng - Pandansari RT. 005 RW. 002 +- 300 m, Kab. Purbalingga', 'Kejobong', 'Krenceng'),  # seed line 601
    (2, 'Pembangunan talud jalan kabupaten', 'pencegahan terjadinya erosi ke badan ruas jalan', 'Jl. Krenceng - Pandansari RT. 004 RW. 002, +- 300 m, Kab. Purbalingga', 'Kejobong', 'Krenceng'),  # seed line 602
    (3, 'Pengadaan dan Pemasangan Lampu Penerangan Jalan Umum di ruas jalan Kabupaten', 'Kondisi jalan gelap,', 'Desa Kereng RT. 002 RW. 001, 10 Buah Lampu Penerangan Jalan, Kab. Purbalingga', 'Kejobong', 'Krenceng'),  # seed line 604
    (1, 'Pembangunan jalan kabupaten', 'Jalan Kabupaten berupa makadam dan rabat yang sudah rusak parah', 'Dusun II RT 008 RW 004 Desa Nangkasawit Kecamatan Kejobong Kabupaten Purbalingga. Volume jalan 350 meter, Kab. Purbalingga', 'Kejobong', 'Nangkasawit'),  # seed line 605
    (2, 'Pemeliharaan jembatan kabupaten', 'Jembatan dalam kondisi rusak dan riskan untuk dilalui.', 'Dusun II RT 005 RW 003 Desa Nangkasawit Kecamatan Kejobong Kabupaten Purbalingga. Volume 15 meter persegi, Kab. Purbalingga', 'Kejobong', 'Nangkasawit'),  # seed line 606
    (3, 'Pembangunan dan peningkatan jalan usaha tani (jitut jides)', 'Jalan Usaha Tani membutuhkan drainase untuk memperlancar aliran air sehingga tidak merusak jalan', 'Dusun II RT 008 RW 004 Desa Nangkasawit Kecamatan Kejobong Kabupaten Purbalingga. Volume 500 meter x 2 ruas x 0,5 meter, Kab. Purbalingga', 'Kejobong', 'Nangkasawit'),  # seed line 607
    (4, 'Bantuan peralatan usaha kepada usaha mikro', 'Pelaku UMKM di Desa Nangkasawit masih banyak yang belum memadai baik dalam permodalan maupun peralatan', 'Desa Nangkasawit Dusun I dan Dusun II Kecamatan Kejobong Kabupaten Purbalingga Volume : 15 orang/pelaku UMKM, Kab. Purbalingga', 'Kejobong', 'Nangkasawit'),  # seed line 608
    (1, 'Pembangunan/Rehabilitasi Sarana Prasarana Pariwisata Desa', 'Belum adanya PADes', 'Agro Wisata Bukit Bantarori, Kab. Purbalingga', 'Kejobong', 'Pandansari'),  # seed line 609
    (2, 'Rehabilitasi rumah tidak layak huni', 'Rumah Belum Layak', 'Desa Pandansari (50 Unit), Kab. Purbalingga', 'Kejobong', 'Pandansari'),  # seed line 610
    (3, 'Bantuan bibit Kambing / Sapi / Domba / Unggas', 'Pemulihan Ekonomi Nasional', 'Desa Pandansari (100 Ekor), Kab. Purbalingga', 'Kejobong', 'Pandansari'),  # seed line 611
    (4, 'Pemeliharaan, Rehabilitasi Jalan / Drainase / Jembatan Desa', 'Jalan Rusak Parah', 'Desa Pandansari Dusun I RT 005/002 (750 m x 2 m) , Kab. Purbalingga', 'Kejobong', 'Pandansari'),  # seed line 612
    (1, 'PEMBANGUNAN/REHAB PASAR KECAMATAN', 'Banyak los dan kios yang rusak atapnya pada bocor', 'Desa Kejobong RT 002 Rw 001 volume Luas Los 2240 m2 volume pengadaan lahan 1120 m2, Kab. Purbalingga', 'Kejobong', 'Kejobong'),  # seed line 613
    (2, 'Pembangunan/Penyediaan gedung dan sarpras olahraga', 'belum tersedianya lapangan sepak bola di desa kejobong', 'Desa Kejobong RT 002 RW 001 Volume 8500 m2, Kab. Purbalingga', 'Kejobong', 'Kejobong'),  # seed line 614
    (1, 'PEMBANGUNAN/REHAB PASAR KECAMATAN', 'Banyak los dan kios yang rusak atapnya pada bocor belum tersedianya lahan untuk pasar hewan (masih sewa) seluas 1120 m2', 'Desa Kejobong RT 002 Rw 001 volume Luas Los 2240 m2 volume pengadaan lahan 1120 m2, Kab. Purbalingga', 'Kejobong', 'Kejobong'),  # seed line 616
    (2, 'Pembangunan/Penyediaan gedung dan sarpras olahraga', 'belum tersedianya lapangan sepak bola di desa kejobong', 'Desa Kejobong RT 002 RW 001 Volume 8500 m2, Kab. Purbalingga', 'Kejobong', 'Kejobong'),  # seed line 617
    (3, 'Pembangunan jaringan air bersih/sumur Bor di pedesaan', 'di desa Kejobong disaat musim kemarau sering terjadi kekurangan air bersih', 'Dersa Kejobong rt. 22 rw 11 dan rt 08 rw 04 volume 2 unit sumur bor, Kab. Purbalingga', 'Kejobong', 'Kejobong'),  # seed line 618
    (4, 'Penyuluhan dan pelatihan bidang UMKM', 'kurangnya pengetahuan atau potensi masyarakat untuk dapat belajar ilmu digital marketing', 'Desa Kejobong 50 orang , Kab. Purbalingga', 'Kejobong', 'Kejobong'),  # seed line 619
    (1, 'Pembangunan/Penyediaan gedung dan sarpras olahraga', 'sampai saat ini belum tersedianya sarpras olahraga seperti lapangan sepak bola', 'Desa Langgar, 100 x 50 m, Kab. Purbalingga', 'Kejobong', 'Langgar'),  # seed line 620
    (2, 'Pembangunan dan peningkatan jalan usaha tani (jitut jides)', 'Perlunya akses jalan usaha tani', 'Langgar RT 01 RW 08 Dusun III, Volume: 3x1000m,', 'Kejobong', 'Langgar'),  # seed line 621
    (3, 'Rehabilitasi Gedung Sarana Prasarana Desa', 'Gedung Kantor Desa Sudah Rusak', 'Desa Langgar RT 02 RW 01, Volume: 1 Unit,', 'Kejobong', 'Langgar'),  # seed line 622
    (1, 'Penyuluhan dan pelatihan bidang pariwisata', 'SDM Pengelolaan desa wisata yang belum optimal', 'Desa TImbang RT 02 Rw 01, Kejobong, Purbalingga. Volume: 20 Orang, Kab. Purbalingga', 'Kejobong', 'Timbang'),  # seed line 623
    (2, 'Pembangunan/Rehabilitasi Sarana Prasarana Pariwisata Desa', 'Belum terselesaikan pembangunan wisata', 'Timbang RT 06 Rw 03, Kecamatan Kejobong, Kabupaten Purbalingga., Kab. Purbalingga', 'Kejobong', 'Timbang'),  # seed line 624
    (3, 'Pembangunan/Penyediaan gedung dan sarpras olahraga', 'Belum memiliki gedung olahraga', 'Desa Timbang, Kejobong, Purbalingga. Volume: 1 Unit, Kab. Purbalingga', 'Kejobong', 'Timbang'),  # seed line 625
    (4, 'Penyuluhan dan pelatihan bidang pemuda', 'Dukungan Pelaksanaan Pencegahan, Pembrantasan, Penyalahgunaan dan Peredaran Gelab Narkoba (P4GN)', 'Desa TImbang, Kecamatan Kejobong, Kabupaten Purbalingga Volume: 25 Orang/kegiatan, Kab. Purbalingga', 'Kejobong', 'Timbang'),  # seed line 626
    (1, 'Pembangunan talud jalan kabupaten', 'tidak terdapat bahu jalan', 'Dusun 1 RT 02 RW 01 Volume 250 meter (Komplek Pleci), Kab. Purbalingga', 'Kejobong', 'Nangkod'),  # seed line 628
    (2, 'Pengembangan desa wisata dan obyek wisata desa', 'Kurangnya Anggaran untuk Desa Wisata', 'Dusun 1 RT 02 RW 01 1 Paket (Wisata PLECI EDUPARK) , Kab. Purbalingga', 'Kejobong', 'Nangkod'),  # seed line 629
    (3, 'Bantuan bibit Kambing / Sapi / Domba / Unggas', 'Kesulitan mendapatkan bibit unggul untuk kambing perah', 'Desa Nangkod RT 02 RW 05 50 Ekor , Kab. Purbalingga', 'Kejobong', 'Nangkod'),  # seed line 630
    (4, 'Pembangunan/Rehabilitasi Sarana Prasarana Pariwisata Desa', 'Kurang tersedianya sarpras di obyek wisata Desa', 'Dusun 1 RT 02 RW 01 PLECI EDUPARK 1 paket, Kab. Purbalingga', 'Kejobong', 'Nangkod'),  # seed line 631
    (1, 'PEMBANGUNAN/REHAB PASAR KECAMATAN', 'Kondisi bangunan pasar desa sudah tidak l;ayak dan sudah tidak bisa menampung pedagang', 'Rt. 003 Rw. 002 Dusun 1 Desa Bandingan Volume 1 paket, Kab. Purbalingga', 'Kejobong', 'Bandingan'),  # seed line 632
    (2, 'Pembangunan Puskesmas dan Gedung Puskesmas Pembantu', 'Belum ada pagar keliling, halaman masih menggunakan sirtu dan belum ada tempat parkir petugas dan pasien', 'Rt. 028 Rw. 013 Dusun 5 Desa Bandingan Volume 1 paket, Kab. Purbalingga', 'Kejobong', 'Bandingan'),  # seed line 633
    (3, 'Penyuluhan dan pelatihan bidang UMKM', 'Kurangnya perhatian dan pembinaan dari dinas terkait', 'Desa Bandingan Volume 1 paket, Kab. Purbalingga', 'Kejobong', 'Bandingan'),  # seed line 634
    (4, 'Pelatihan bidang komunikasi informatika', 'Kurangnya pengetahuan tentang komunikasi dan informatika', 'Desa Bandingan Volume 1 paket, Kab. Purbalingga', 'Kejobong', 'Bandingan'),  # seed line 635
]
