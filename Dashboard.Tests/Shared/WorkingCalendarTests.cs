using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Calendar;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Shared;

public sealed class WorkingCalendarTests
{
    private static DateTimeOffset Wib(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    private static readonly WorkingCalendar Calendar = WorkingCalendar.Official;

    [Fact]
    public void AddWorkingDays_SkipsTheWeekend()
    {
        // Thursday 26 Nov 2026 10:00 + 5 working days = Thursday 3 Dec 10:00.
        Assert.Equal(Wib(2026, 12, 3, 10), Calendar.AddWorkingDays(Wib(2026, 11, 26, 10), 5));
    }

    [Fact]
    public void AddWorkingDays_FromSaturday_StartsOnMondayMorning()
    {
        Assert.Equal(Wib(2026, 12, 7, 8), Calendar.AddWorkingDays(Wib(2026, 11, 28, 21), 5));
    }

    [Fact]
    public void AddWorkingDays_SkipsNationalHolidaysAndCutiBersama()
    {
        // Tuesday 22 Dec 2026 10:00 + 5: Wed 23, (Thu 24 cuti bersama, Fri 25 Christmas, weekend) Mon 28, Tue 29, Wed 30, Thu 31.
        Assert.Equal(Wib(2026, 12, 31, 10), Calendar.AddWorkingDays(Wib(2026, 12, 22, 10), 5));
        // Weekends only, the same complaint would be due on Tuesday 29 December.
        Assert.Equal(Wib(2026, 12, 29, 10), WorkingCalendar.WeekendsOnly.AddWorkingDays(Wib(2026, 12, 22, 10), 5));
        // Lebaran 2026: Tuesday 17 Mar 10:00 + 3: Wed 18 to Tue 24 are all off (cuti bersama, Nyepi, Idul Fitri, weekend) →
        // Wed 25, Thu 26, Fri 27.
        Assert.Equal(Wib(2026, 3, 27, 10), Calendar.AddWorkingDays(Wib(2026, 3, 17, 10), 3));
    }

    [Fact]
    public void AddWorkingDays_ReceivedOnAHoliday_StartsOnTheNextWorkingMorning()
    {
        // Received on Christmas Day 2026 (Friday): counting starts Monday 28 December 08:00.
        Assert.Equal(Wib(2026, 12, 29, 8), Calendar.AddWorkingDays(Wib(2026, 12, 25, 19), 1));
    }

    [Fact]
    public void WorkingHoursBetween_CountsOnlyOfficeHoursOnWorkingDays()
    {
        // Friday 15:00 → Monday 09:00: one hour on Friday, one on Monday.
        Assert.Equal(2, Calendar.WorkingHoursBetween(Wib(2026, 11, 27, 15), Wib(2026, 11, 30, 9)), 3);
        Assert.Equal(0, Calendar.WorkingHoursBetween(Wib(2026, 11, 28, 9), Wib(2026, 11, 29, 17)), 3);
        Assert.Equal(8, Calendar.WorkingHoursBetween(Wib(2026, 11, 26, 6), Wib(2026, 11, 26, 20)), 3);
        // Wednesday 23 Dec 15:00 → Monday 28 Dec 09:00: Thursday (cuti bersama) and Friday (Christmas) count nothing.
        Assert.Equal(2, Calendar.WorkingHoursBetween(Wib(2026, 12, 23, 15), Wib(2026, 12, 28, 9)), 3);
    }

    [Fact]
    public void SlaDay_WithoutPauses_IsTheNthWorkingDayAfterSubmission()
    {
        // Submitted Monday 14 Dec 2026; 10 working days: 15–18, 21–23, (24, 25 off) 28, 29, 30.
        Assert.Equal(new DateOnly(2026, 12, 30), Calendar.SlaDay(Wib(2026, 12, 14, 9), 10, []));
        Assert.Equal(10, Calendar.ElapsedWorkingDays(Wib(2026, 12, 14, 9), Wib(2026, 12, 30, 15), []));
    }

    [Fact]
    public void SlaDay_PerbaikanPause_StopsTheClockForTheDaysWithTheApplicant()
    {
        // Submitted Monday 7 Dec 2026; back to the applicant Wednesday 9 Dec 11:00 until Monday 14 Dec 10:00: Thursday
        // 10 and Friday 11 are paused all day; Wednesday 9 and Monday 14 count (the file was with the city part of them).
        // 5 working days: 8, 9, 14, 15, 16.
        var pause = new SlaPause(Wib(2026, 12, 9, 11), Wib(2026, 12, 14, 10));
        Assert.Equal(new DateOnly(2026, 12, 16), Calendar.SlaDay(Wib(2026, 12, 7, 9), 5, [pause]));
        Assert.Equal(new DateOnly(2026, 12, 14), Calendar.SlaDay(Wib(2026, 12, 7, 9), 5, []));
        Assert.Equal(4, Calendar.ElapsedWorkingDays(Wib(2026, 12, 7, 9), Wib(2026, 12, 15, 9), [pause]));
    }

    [Fact]
    public void SlaDay_PauseAcrossCutiBersama_CountsNeitherTwice()
    {
        // Submitted Friday 18 Dec 2026; with the applicant from Monday 21 Dec 14:00 to Tuesday 29 Dec 09:00: Tuesday 22,
        // Wednesday 23 and Monday 28 are paused; 24 and 25 are days off anyway. 3 working days: 21, 29, 30.
        var pause = new SlaPause(Wib(2026, 12, 21, 14), Wib(2026, 12, 29, 9));
        Assert.Equal(new DateOnly(2026, 12, 30), Calendar.SlaDay(Wib(2026, 12, 18, 9), 3, [pause]));
    }

    [Fact]
    public void SlaDay_WhileStillWithTheApplicant_HasNoDay()
    {
        var open = new SlaPause(Wib(2026, 12, 8, 10), null);
        Assert.Null(Calendar.SlaDay(Wib(2026, 12, 7, 9), 5, [open]));
        // The days before the pause still count: Tuesday 8 only.
        Assert.Equal(1, Calendar.ElapsedWorkingDays(Wib(2026, 12, 7, 9), Wib(2026, 12, 18, 9), [open]));
    }

    [Fact]
    public void Catalogue_HoldsTheOfficialDaysOffOf2025And2026()
    {
        var days = HolidayCatalog.Official.Select(h => h.Date).ToHashSet();
        Assert.Equal(HolidayCatalog.Official.Count, days.Count);
        Assert.Equal(OfficialDaysOff.Count, days.Count);
        Assert.All(days, d => Assert.True(OfficialDaysOff.IsOff(d), $"{d} is not an official day off"));
        Assert.Equal(10, HolidayCatalog.Official.Count(h => h.Date.Year == 2025 && h.Kind == HolidayKind.CutiBersama));
        Assert.Equal(8, HolidayCatalog.Official.Count(h => h.Date.Year == 2026 && h.Kind == HolidayKind.CutiBersama));
        Assert.Equal(17, HolidayCatalog.Official.Count(h => h.Date.Year == 2026 && h.Kind == HolidayKind.National));
    }

    [Fact]
    public async Task Administration_AddsChangesAndWithdrawsDays_AuditedAndNotUndoneByTheSeed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Wib(2026, 12, 7, 9));
        var calendars = new WorkingCalendars(database, time);
        var admin = new HolidayAdministration(database, calendars, time);

        var seeded = await calendars.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.False(seeded.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.True(seeded.IsWorkingDay(new DateOnly(2026, 12, 31)));

        var added = await admin.AddAsync(new DateOnly(2026, 12, 31), HolidayKind.CutiBersama, "Cuti bersama akhir tahun", "Year-end leave",
            "admin", "SKB perubahan", TestContext.Current.CancellationToken);
        Assert.False((await calendars.CurrentAsync(TestContext.Current.CancellationToken)).IsWorkingDay(new DateOnly(2026, 12, 31)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.AddAsync(new DateOnly(2026, 12, 31), HolidayKind.National,
            "x", "x", "admin", "dua kali", TestContext.Current.CancellationToken));

        int christmasEve;
        await using (var db = database.CreateDbContext())
        {
            christmasEve = await db.Set<Holiday>().Where(h => h.Date == new DateOnly(2026, 12, 24)).Select(h => h.Id).SingleAsync(TestContext.Current.CancellationToken);
        }
        Assert.True(await admin.ChangeAsync(added.Id, HolidayKind.National, "Libur akhir tahun", "Year-end holiday", "admin", "koreksi",
            TestContext.Current.CancellationToken));
        Assert.True(await admin.WithdrawAsync(christmasEve, "admin", "dibatalkan", TestContext.Current.CancellationToken));
        Assert.False(await admin.WithdrawAsync(christmasEve, "admin", "lagi", TestContext.Current.CancellationToken));
        Assert.True((await calendars.CurrentAsync(TestContext.Current.CancellationToken)).IsWorkingDay(new DateOnly(2026, 12, 24)));

        await using (var db = database.CreateDbContext())
        {
            // A second seed (the next start-up) neither brings the withdrawn day back nor adds a second row for it.
            await ReportingSeed.SeedAsync(db, time.GetUtcNow(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TestContext.Current.CancellationToken);
        }
        await using (var db = database.CreateDbContext())
        {
            var calendar = await WorkingCalendars.LoadAsync(db, TestContext.Current.CancellationToken);
            Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
            Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 31)));
            Assert.Equal(1, await db.Set<Holiday>().CountAsync(h => h.Date == new DateOnly(2026, 12, 24), TestContext.Current.CancellationToken));
            var audit = await db.AuditEntries.Where(a => a.Action.StartsWith("calendar.holiday")).OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([HolidayAuditActions.Added, HolidayAuditActions.Changed, HolidayAuditActions.Withdrawn], audit.Select(a => a.Action));
            Assert.Equal("hari-libur:2026-12-24", audit[2].Target);
            Assert.Contains("Cuti bersama Natal", audit[2].Before, StringComparison.Ordinal);
            Assert.Null(audit[2].After);
            Assert.Contains("Libur akhir tahun", audit[1].After, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UncoveredYear_IsNextYearFromOctober_UntilItsListIsEntered()
    {
        await using var database = await TestDatabase.CreateAsync();
        var time = new FakeTimeProvider(Wib(2026, 12, 7, 9));
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateDbContext())
        {
            // The seeded lists cover 2025 and 2026: nothing missing in September, 2027 missing from October on.
            Assert.Null(await WorkingCalendars.UncoveredYearAsync(db, new DateOnly(2026, 9, 30), ct));
            Assert.Equal(2027, await WorkingCalendars.UncoveredYearAsync(db, new DateOnly(2026, 10, 1), ct));
            Assert.Equal(2027, await WorkingCalendars.UncoveredYearAsync(db, new DateOnly(2026, 12, 7), ct));
            // In 2027 itself, with nothing entered, the current year is the one missing.
            Assert.Equal(2027, await WorkingCalendars.UncoveredYearAsync(db, new DateOnly(2027, 2, 1), ct));
        }
        var admin = new HolidayAdministration(database, new WorkingCalendars(database, time), time);
        var added = await admin.AddAsync(new DateOnly(2027, 1, 1), HolidayKind.National, "Tahun Baru 2027 Masehi", "New Year's Day",
            "admin", "SKB 3 Menteri 2027", ct);
        await using (var db = database.CreateDbContext())
        {
            Assert.Null(await WorkingCalendars.UncoveredYearAsync(db, new DateOnly(2026, 12, 7), ct));
        }
        // A withdrawn day does not count as an entered list.
        Assert.True(await admin.WithdrawAsync(added.Id, "admin", "salah tanggal", ct));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(2027, await WorkingCalendars.UncoveredYearAsync(db, new DateOnly(2026, 12, 7), ct));
        }
    }
}
