using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Ingest.Shared.Walls;

/// <summary>How a wall screen looks; dark is the default of a command room.</summary>
public enum WallTheme { Dark = 0, Light = 1 }

/// <summary>
/// A registered wall screen: a device, not a person. It opens the wall URL with its own secret token, of which only
/// the SHA-256 hash is kept (<see cref="TokenHash"/>); the token never expires while the screen is registered, and
/// stops working the moment it is rotated or the screen revoked. Heartbeat fields hold what the screen last reported.
/// </summary>
public sealed class WallScreen
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Where it hangs, e.g. "Ngalam Command Center, dinding utara".</summary>
    public string? Location { get; set; }

    /// <summary>The boards it shows, comma-separated board ids (<c>kota,aduan</c>): one is a fixed board, several a playlist.</summary>
    public required string Boards { get; set; }

    /// <summary>Each board also rotates over the 5 kecamatan, then the kota.</summary>
    public bool RotateRegions { get; set; }

    /// <summary>Seconds each step of the playlist stays on screen.</summary>
    public int RotationSeconds { get; set; } = 60;

    public WallTheme Theme { get; set; }

    /// <summary>Night dimming window in WIB, "HH:mm" each; both null for none. The window may cross midnight.</summary>
    public string? NightFrom { get; set; }

    public string? NightUntil { get; set; }

    /// <summary>SHA-256 of the current token, lowercase hex.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? TokenRotatedAt { get; set; }

    /// <summary>Set when an administrator revoked the screen: its token is refused from then on.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>Last reported resolution, e.g. <c>3840×2160</c>.</summary>
    public string? LastResolution { get; set; }

    public string? LastAppVersion { get; set; }

    /// <summary>The board (and region) last on screen.</summary>
    public string? LastBoard { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}

internal sealed class WallScreenConfiguration : IEntityTypeConfiguration<WallScreen>
{
    public void Configure(EntityTypeBuilder<WallScreen> e)
    {
        e.Property(x => x.Name).HasMaxLength(80);
        e.Property(x => x.Location).HasMaxLength(160);
        e.Property(x => x.Boards).HasMaxLength(400);
        e.Property(x => x.NightFrom).HasMaxLength(5);
        e.Property(x => x.NightUntil).HasMaxLength(5);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(128);
        e.Property(x => x.RevokedBy).HasMaxLength(128);
        e.Property(x => x.LastResolution).HasMaxLength(32);
        e.Property(x => x.LastAppVersion).HasMaxLength(64);
        e.Property(x => x.LastBoard).HasMaxLength(64);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.Ignore(x => x.IsRevoked);
    }
}
