namespace Dashboard.Ingest.Shared.Calendar;

/// <summary>One day of an official list.</summary>
public sealed record OfficialHoliday(DateOnly Date, HolidayKind Kind, string NameId, string NameEn);

/// <summary>
/// National holidays and cuti bersama as decided each year by the joint decree of the Ministers of Religious Affairs,
/// Manpower and Administrative Reform (SKB 3 Menteri): 2025 (signed 14 October 2024: 17 holidays, 10 days of cuti
/// bersama) and 2026 (signed 19 September 2025: 17 holidays, 8 days). A later year's list, or a change the government
/// announces during the year, is entered by an administrator on the holiday page (docs/DOMAIN.md, working calendar).
/// </summary>
public static class HolidayCatalog
{
    private static OfficialHoliday N(int y, int m, int d, string id, string en) => new(new DateOnly(y, m, d), HolidayKind.National, id, en);

    private static OfficialHoliday C(int y, int m, int d, string id, string en) => new(new DateOnly(y, m, d), HolidayKind.CutiBersama, id, en);

    public static IReadOnlyList<OfficialHoliday> Official { get; } =
    [
        // 2025
        N(2025, 1, 1, "Tahun Baru 2025 Masehi", "New Year's Day"),
        N(2025, 1, 27, "Isra Mikraj Nabi Muhammad SAW", "Isra Mi'raj"),
        C(2025, 1, 28, "Cuti bersama Tahun Baru Imlek", "Collective leave, Chinese New Year"),
        N(2025, 1, 29, "Tahun Baru Imlek 2576 Kongzili", "Chinese New Year"),
        C(2025, 3, 28, "Cuti bersama Hari Suci Nyepi", "Collective leave, Nyepi"),
        N(2025, 3, 29, "Hari Suci Nyepi (Tahun Baru Saka 1947)", "Nyepi (Saka New Year)"),
        N(2025, 3, 31, "Idul Fitri 1446 H", "Eid al-Fitr"),
        N(2025, 4, 1, "Idul Fitri 1446 H", "Eid al-Fitr"),
        C(2025, 4, 2, "Cuti bersama Idul Fitri", "Collective leave, Eid al-Fitr"),
        C(2025, 4, 3, "Cuti bersama Idul Fitri", "Collective leave, Eid al-Fitr"),
        C(2025, 4, 4, "Cuti bersama Idul Fitri", "Collective leave, Eid al-Fitr"),
        C(2025, 4, 7, "Cuti bersama Idul Fitri", "Collective leave, Eid al-Fitr"),
        N(2025, 4, 18, "Wafat Yesus Kristus", "Good Friday"),
        N(2025, 4, 20, "Kebangkitan Yesus Kristus (Paskah)", "Easter Sunday"),
        N(2025, 5, 1, "Hari Buruh Internasional", "Labour Day"),
        N(2025, 5, 12, "Hari Raya Waisak 2569 BE", "Vesak"),
        C(2025, 5, 13, "Cuti bersama Hari Raya Waisak", "Collective leave, Vesak"),
        N(2025, 5, 29, "Kenaikan Yesus Kristus", "Ascension Day"),
        C(2025, 5, 30, "Cuti bersama Kenaikan Yesus Kristus", "Collective leave, Ascension Day"),
        N(2025, 6, 1, "Hari Lahir Pancasila", "Pancasila Day"),
        N(2025, 6, 6, "Idul Adha 1446 H", "Eid al-Adha"),
        C(2025, 6, 9, "Cuti bersama Idul Adha", "Collective leave, Eid al-Adha"),
        N(2025, 6, 27, "Tahun Baru Islam 1447 H", "Islamic New Year"),
        N(2025, 8, 17, "Hari Proklamasi Kemerdekaan RI", "Independence Day"),
        N(2025, 9, 5, "Maulid Nabi Muhammad SAW", "Prophet's Birthday"),
        N(2025, 12, 25, "Kelahiran Yesus Kristus (Natal)", "Christmas Day"),
        C(2025, 12, 26, "Cuti bersama Natal", "Collective leave, Christmas"),

        // 2026
        N(2026, 1, 1, "Tahun Baru 2026 Masehi", "New Year's Day"),
        N(2026, 1, 16, "Isra Mikraj Nabi Muhammad SAW", "Isra Mi'raj"),
        C(2026, 2, 16, "Cuti bersama Tahun Baru Imlek", "Collective leave, Chinese New Year"),
        N(2026, 2, 17, "Tahun Baru Imlek 2577 Kongzili", "Chinese New Year"),
        C(2026, 3, 18, "Cuti bersama Hari Suci Nyepi", "Collective leave, Nyepi"),
        N(2026, 3, 19, "Hari Suci Nyepi (Tahun Baru Saka 1948)", "Nyepi (Saka New Year)"),
        C(2026, 3, 20, "Cuti bersama Idul Fitri", "Collective leave, Eid al-Fitr"),
        N(2026, 3, 21, "Idul Fitri 1447 H", "Eid al-Fitr"),
        N(2026, 3, 22, "Idul Fitri 1447 H", "Eid al-Fitr"),
        C(2026, 3, 23, "Cuti bersama Idul Fitri", "Collective leave, Eid al-Fitr"),
        C(2026, 3, 24, "Cuti bersama Idul Fitri", "Collective leave, Eid al-Fitr"),
        N(2026, 4, 3, "Wafat Yesus Kristus", "Good Friday"),
        N(2026, 4, 5, "Kebangkitan Yesus Kristus (Paskah)", "Easter Sunday"),
        N(2026, 5, 1, "Hari Buruh Internasional", "Labour Day"),
        N(2026, 5, 14, "Kenaikan Yesus Kristus", "Ascension Day"),
        C(2026, 5, 15, "Cuti bersama Kenaikan Yesus Kristus", "Collective leave, Ascension Day"),
        N(2026, 5, 27, "Idul Adha 1447 H", "Eid al-Adha"),
        C(2026, 5, 28, "Cuti bersama Idul Adha", "Collective leave, Eid al-Adha"),
        N(2026, 5, 31, "Hari Raya Waisak 2570 BE", "Vesak"),
        N(2026, 6, 1, "Hari Lahir Pancasila", "Pancasila Day"),
        N(2026, 6, 16, "Tahun Baru Islam 1448 H", "Islamic New Year"),
        N(2026, 8, 17, "Hari Proklamasi Kemerdekaan RI", "Independence Day"),
        N(2026, 8, 25, "Maulid Nabi Muhammad SAW", "Prophet's Birthday"),
        C(2026, 12, 24, "Cuti bersama Natal", "Collective leave, Christmas"),
        N(2026, 12, 25, "Kelahiran Yesus Kristus (Natal)", "Christmas Day"),
    ];
}
