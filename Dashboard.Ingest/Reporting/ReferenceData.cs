namespace Dashboard.Ingest.Reporting;

/// <summary>
/// Reference data from docs/DOMAIN.md §1–§2: Kemendagri codes (Kepmendagri 300.2.2-2138/2025), BPS 2023 population
/// per kecamatan. Kelurahan populations are not published: each kelurahan gets an equal share of its
/// kecamatan, flagged as an estimate.
/// </summary>
public static class ReferenceData
{
    public const string KotaCode = "35.73";

    public static IReadOnlyList<Region> Regions { get; } = BuildRegions();

    public static IReadOnlyList<Region> Kecamatan => [.. Regions.Where(r => r.Level == RegionLevel.Kecamatan)];

    public static IReadOnlyList<Region> Kelurahan => [.. Regions.Where(r => r.Level == RegionLevel.Kelurahan)];

    private static List<Region> BuildRegions()
    {
        var kecamatan = new (string Code, string Name, int Population)[]
        {
            ("35.73.01", "Blimbing", 182851),
            ("35.73.02", "Klojen", 93990),
            ("35.73.03", "Kedungkandang", 209375),
            ("35.73.04", "Sukun", 196860),
            ("35.73.05", "Lowokwaru", 164106),
        };
        var kelurahan = new (string Code, string Name)[]
        {
            ("35.73.01.1001", "Balearjosari"),
            ("35.73.01.1002", "Arjosari"),
            ("35.73.01.1003", "Polowijen"),
            ("35.73.01.1004", "Purwodadi"),
            ("35.73.01.1005", "Blimbing"),
            ("35.73.01.1006", "Pandanwangi"),
            ("35.73.01.1007", "Purwantoro"),
            ("35.73.01.1008", "Bunulrejo"),
            ("35.73.01.1009", "Kesatrian"),
            ("35.73.01.1010", "Polehan"),
            ("35.73.01.1011", "Jodipan"),
            ("35.73.02.1001", "Klojen"),
            ("35.73.02.1002", "Rampalcelaket"),
            ("35.73.02.1003", "Samaan"),
            ("35.73.02.1004", "Kiduldalem"),
            ("35.73.02.1005", "Sukoharjo"),
            ("35.73.02.1006", "Kasin"),
            ("35.73.02.1007", "Kauman"),
            ("35.73.02.1008", "Oro-oro Dowo"),
            ("35.73.02.1009", "Bareng"),
            ("35.73.02.1010", "Gading Kasri"),
            ("35.73.02.1011", "Penanggungan"),
            ("35.73.03.1001", "Kotalama"),
            ("35.73.03.1002", "Mergosono"),
            ("35.73.03.1003", "Bumiayu"),
            ("35.73.03.1004", "Wonokoyo"),
            ("35.73.03.1005", "Buring"),
            ("35.73.03.1006", "Kedungkandang"),
            ("35.73.03.1007", "Lesanpuro"),
            ("35.73.03.1008", "Sawojajar"),
            ("35.73.03.1009", "Madyopuro"),
            ("35.73.03.1010", "Cemorokandang"),
            ("35.73.03.1011", "Arjowinangun"),
            ("35.73.03.1012", "Tlogowaru"),
            ("35.73.04.1001", "Ciptomulyo"),
            ("35.73.04.1002", "Gadang"),
            ("35.73.04.1003", "Kebonsari"),
            ("35.73.04.1004", "Bandungrejosari"),
            ("35.73.04.1005", "Sukun"),
            ("35.73.04.1006", "Tanjungrejo"),
            ("35.73.04.1007", "Pisangcandi"),
            ("35.73.04.1008", "Bandulan"),
            ("35.73.04.1009", "Karangbesuki"),
            ("35.73.04.1010", "Mulyorejo"),
            ("35.73.04.1011", "Bakalankrajan"),
            ("35.73.05.1001", "Tunggulwulung"),
            ("35.73.05.1002", "Merjosari"),
            ("35.73.05.1003", "Tlogomas"),
            ("35.73.05.1004", "Dinoyo"),
            ("35.73.05.1005", "Sumbersari"),
            ("35.73.05.1006", "Ketawanggede"),
            ("35.73.05.1007", "Jatimulyo"),
            ("35.73.05.1008", "Tunjungsekar"),
            ("35.73.05.1009", "Mojolangu"),
            ("35.73.05.1010", "Tulusrejo"),
            ("35.73.05.1011", "Lowokwaru"),
            ("35.73.05.1012", "Tasik Madu"),
        };
        var regions = new List<Region>
        {
            new() { Code = KotaCode, Name = "Kota Malang", Level = RegionLevel.Kota, Population = kecamatan.Sum(k => k.Population) },
        };
        foreach (var k in kecamatan)
        {
            regions.Add(new Region { Code = k.Code, Name = k.Name, Level = RegionLevel.Kecamatan, ParentCode = KotaCode, Population = k.Population });
            var children = kelurahan.Where(x => x.Code.StartsWith(k.Code + ".", StringComparison.Ordinal)).ToList();
            regions.AddRange(children.Select(x => new Region
            {
                Code = x.Code,
                Name = x.Name,
                Level = RegionLevel.Kelurahan,
                ParentCode = k.Code,
                Population = k.Population / children.Count,
                PopulationIsEstimate = true,
            }));
        }
        return regions;
    }

    /// <summary>The kecamatan code (35.73.02) of a kelurahan code (35.73.02.1001).</summary>
    public static string? KecamatanOf(string? kelurahanCode) =>
        kelurahanCode is { Length: 13 } ? kelurahanCode[..8] : null;

    public static bool IsKelurahan(string? code) => code is not null && KelurahanCodes.Contains(code);

    private static readonly HashSet<string> KelurahanCodes =
        [.. Regions.Where(r => r.Level == RegionLevel.Kelurahan).Select(r => r.Code)];

    public static IReadOnlyList<Agency> Agencies { get; } =
    [
        new() { Code = "DISKOMINFO", Name = "Dinas Komunikasi dan Informatika" },
        new() { Code = "BAPENDA", Name = "Badan Pendapatan Daerah" },
        new() { Code = "BKAD", Name = "Badan Keuangan dan Aset Daerah" },
        new() { Code = "BAPPEDA", Name = "Badan Perencanaan Pembangunan Daerah" },
        new() { Code = "BKPSDM", Name = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" },
        new() { Code = "DISDIKBUD", Name = "Dinas Pendidikan dan Kebudayaan" },
        new() { Code = "DINSOS", Name = "Dinas Sosial, Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana" },
        new() { Code = "DISNAKER_PMPTSP", Name = "Dinas Tenaga Kerja, Penanaman Modal dan Pelayanan Terpadu Satu Pintu" },
        new() { Code = "DISPENDUKCAPIL", Name = "Dinas Kependudukan dan Pencatatan Sipil" },
        new() { Code = "DISHUB", Name = "Dinas Perhubungan" },
        new() { Code = "SATPOLPP", Name = "Satuan Polisi Pamong Praja" },
        new() { Code = "DPUPRPKP", Name = "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman" },
        new() { Code = "DLH", Name = "Dinas Lingkungan Hidup" },
        new() { Code = "BPBD", Name = "Badan Penanggulangan Bencana Daerah" },
        new() { Code = "DINKES", Name = "Dinas Kesehatan" },
        new() { Code = "DISKOPINDAG", Name = "Dinas Koperasi, Perindustrian dan Perdagangan" },
        new() { Code = "DISPANGTAN", Name = "Dinas Ketahanan Pangan dan Pertanian" },
        new() { Code = "DISPORAPAR", Name = "Dinas Kepemudaan, Olahraga dan Pariwisata" },
        new() { Code = "INSPEKTORAT", Name = "Inspektorat Daerah" },
        new() { Code = "SETDA", Name = "Sekretariat Daerah" },
    ];

    public static bool IsAgency(string? code) => code is not null && AgencyCodes.Contains(code);

    private static readonly HashSet<string> AgencyCodes = [.. Agencies.Select(a => a.Code)];
}
