using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Walls;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Features.Walls;

/// <summary>What an administrator enters for a screen.</summary>
public sealed record WallScreenInput(
    string Name, string? Location, IReadOnlyList<string> Boards, bool RotateRegions, int RotationSeconds,
    WallTheme Theme, string? NightFrom, string? NightUntil);

/// <summary>A screen as its wall page needs it (no token, no hash).</summary>
public sealed record WallScreenSettings(
    int Id, string Name, string? Location, IReadOnlyList<WallBoard> Boards, bool RotateRegions, int RotationSeconds,
    WallTheme Theme, TimeOnly? NightFrom, TimeOnly? NightUntil)
{
    public static WallScreenSettings From(WallScreen s) => new(
        s.Id, s.Name, s.Location, WallBoards.Parse(s.Boards), s.RotateRegions, s.RotationSeconds, s.Theme,
        WallScreenService.ParseTime(s.NightFrom), WallScreenService.ParseTime(s.NightUntil));

    /// <summary>True when <paramref name="wibTime"/> falls in the night window (which may cross midnight).</summary>
    public bool IsNight(TimeOnly wibTime) => (NightFrom, NightUntil) switch
    {
        ({ } from, { } until) when from < until => wibTime >= from && wibTime < until,
        ({ } from, { } until) when from > until => wibTime >= from || wibTime < until,
        _ => false,
    };
}

/// <summary>
/// Registered wall screens: create (the token is returned once and only its hash stored), edit, rotate the token,
/// revoke; every change audited. Also the checks the screen authentication and the open wall pages make.
/// </summary>
public sealed class WallScreenService(IDbContextFactory<ReportingDbContext> factory, TimeProvider time, ILogger<WallScreenService> logger)
{
    public const string AuditCreate = "wall.create";
    public const string AuditUpdate = "wall.update";
    public const string AuditRotate = "wall.token.rotate";
    public const string AuditRevoke = "wall.revoke";

    public const int MinRotationSeconds = 10;
    public const int MaxRotationSeconds = 3600;

    /// <summary>Registers a screen; returns it with its token, which is shown once and never again.</summary>
    public async Task<(WallScreen Screen, string Token)> CreateAsync(WallScreenInput input, string user, CancellationToken ct)
    {
        Validate(input);
        var token = WallTokens.NewToken();
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var screen = new WallScreen
        {
            Name = input.Name.Trim(),
            Boards = "",
            TokenHash = WallTokens.Hash(token),
            CreatedAt = now,
            CreatedBy = user,
        };
        Apply(screen, input);
        db.Add(screen);
        await db.SaveChangesAsync(ct);
        SourceControl.Record(db, now, user, AuditCreate, Target(screen), null, null, Describe(screen));
        await db.SaveChangesAsync(ct);
        Log.ScreenChanged(logger, screen.Id, AuditCreate, user);
        return (screen, token);
    }

    public async Task UpdateAsync(int id, WallScreenInput input, string user, CancellationToken ct)
    {
        Validate(input);
        await using var db = await factory.CreateDbContextAsync(ct);
        var screen = await db.Set<WallScreen>().SingleAsync(s => s.Id == id, ct);
        var before = Describe(screen);
        Apply(screen, input);
        SourceControl.Record(db, time.GetUtcNow(), user, AuditUpdate, Target(screen), null, before, Describe(screen));
        await db.SaveChangesAsync(ct);
        Log.ScreenChanged(logger, id, AuditUpdate, user);
    }

    /// <summary>Gives the screen a new token (returned once); the old one stops working on the open screen within a heartbeat.</summary>
    public async Task<string> RotateTokenAsync(int id, string user, CancellationToken ct)
    {
        var token = WallTokens.NewToken();
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var screen = await db.Set<WallScreen>().SingleAsync(s => s.Id == id, ct);
        screen.TokenHash = WallTokens.Hash(token);
        screen.TokenRotatedAt = now;
        screen.RevokedAt = null;
        screen.RevokedBy = null;
        SourceControl.Record(db, now, user, AuditRotate, Target(screen), null, null, null);
        await db.SaveChangesAsync(ct);
        Log.ScreenChanged(logger, id, AuditRotate, user);
        return token;
    }

    public async Task RevokeAsync(int id, string user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var screen = await db.Set<WallScreen>().SingleAsync(s => s.Id == id, ct);
        screen.RevokedAt = now;
        screen.RevokedBy = user;
        SourceControl.Record(db, now, user, AuditRevoke, Target(screen), null, null, null);
        await db.SaveChangesAsync(ct);
        Log.ScreenChanged(logger, id, AuditRevoke, user);
    }

    public async Task<IReadOnlyList<WallScreen>> ListAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<WallScreen>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
    }

    /// <summary>The registered, not revoked screen holding <paramref name="token"/>, or null.</summary>
    public async Task<WallScreen?> FindByTokenAsync(string? token, CancellationToken ct)
    {
        if (!WallTokens.LooksValid(token))
        {
            return null;
        }
        var hash = WallTokens.Hash(token!);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<WallScreen>().AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAt == null, ct);
    }

    /// <summary>The screen's current settings while <paramref name="tokenHash"/> is still its valid token; null once rotated or revoked.</summary>
    public async Task<WallScreenSettings?> CurrentAsync(int id, string tokenHash, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var screen = await db.Set<WallScreen>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.TokenHash == tokenHash && s.RevokedAt == null, ct);
        return screen is null ? null : WallScreenSettings.From(screen);
    }

    /// <summary>Stores what the screen last reported (the page calls it about once a minute).</summary>
    public async Task RecordSeenAsync(int id, string? resolution, string? version, string? board, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await db.Set<WallScreen>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.LastSeenAt, now)
            .SetProperty(s => s.LastResolution, Bound(resolution, 32))
            .SetProperty(s => s.LastAppVersion, Bound(version, 64))
            .SetProperty(s => s.LastBoard, Bound(board, 64)), ct);
    }

    public static void Validate(WallScreenInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 80)
        {
            throw new ArgumentException("Nama layar wajib diisi (paling banyak 80 karakter).", nameof(input));
        }
        if (input.Location is { Length: > 160 })
        {
            throw new ArgumentException("Lokasi paling banyak 160 karakter.", nameof(input));
        }
        if (input.Boards.Count == 0 || input.Boards.Any(b => WallBoards.Find(b) is null))
        {
            throw new ArgumentException("Pilih paling sedikit satu papan yang dikenal.", nameof(input));
        }
        if (input.RotationSeconds is < MinRotationSeconds or > MaxRotationSeconds)
        {
            throw new ArgumentException($"Interval rotasi {MinRotationSeconds}–{MaxRotationSeconds} detik.", nameof(input));
        }
        var from = string.IsNullOrWhiteSpace(input.NightFrom) ? null : ParseTime(input.NightFrom);
        var until = string.IsNullOrWhiteSpace(input.NightUntil) ? null : ParseTime(input.NightUntil);
        if ((from is null) != string.IsNullOrWhiteSpace(input.NightFrom) || (until is null) != string.IsNullOrWhiteSpace(input.NightUntil)
            || (from is null) != (until is null))
        {
            throw new ArgumentException("Mode malam: isi jam mulai dan selesai (HH:mm), atau kosongkan keduanya.", nameof(input));
        }
    }

    internal static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static void Apply(WallScreen screen, WallScreenInput input)
    {
        screen.Name = input.Name.Trim();
        screen.Location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim();
        screen.Boards = WallBoards.Format(WallBoards.Parse(string.Join(',', input.Boards)));
        screen.RotateRegions = input.RotateRegions;
        screen.RotationSeconds = input.RotationSeconds;
        screen.Theme = input.Theme;
        screen.NightFrom = ParseTime(input.NightFrom)?.ToString("HH:mm", CultureInfo.InvariantCulture);
        screen.NightUntil = ParseTime(input.NightUntil)?.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Target(WallScreen s) => $"layar:{s.Id}";

    private static string Describe(WallScreen s) =>
        $"{s.Name} · {s.Location} · {s.Boards} · {s.RotationSeconds} s · wilayah={s.RotateRegions} · {s.Theme} · malam={s.NightFrom}-{s.NightUntil}";

    private static string? Bound(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;
}
