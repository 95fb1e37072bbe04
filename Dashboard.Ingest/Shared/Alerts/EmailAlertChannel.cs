using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Shared.Alerts;

/// <summary>Sends fired and resolved alerts as one plain-text e-mail per evaluation over SMTP (<c>Alerts:Email</c>).</summary>
public sealed class EmailAlertChannel(IOptionsMonitor<AlertOptions> options) : IAlertChannel
{
    public string Name => "email";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(options.CurrentValue.Email.Host) && !string.IsNullOrWhiteSpace(options.CurrentValue.Email.To)
        && !string.IsNullOrWhiteSpace(options.CurrentValue.Email.From);

    public async Task SendAsync(IReadOnlyList<AlertNotice> notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var settings = options.CurrentValue.Email;
        using var message = Compose(settings, notices);
        using var smtp = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.UseSsl, Timeout = 15_000 };
        if (!string.IsNullOrEmpty(settings.User))
        {
            smtp.Credentials = new NetworkCredential(settings.User, settings.Password);
        }
        await smtp.SendMailAsync(message, ct);
    }

    /// <summary>The message: subject with the counts, one paragraph an alert (Indonesian, then English).</summary>
    public static MailMessage Compose(EmailChannelOptions settings, IReadOnlyList<AlertNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(notices);
        var firing = notices.Count(n => n.State == "firing");
        var resolved = notices.Count - firing;
        var body = new StringBuilder();
        foreach (var n in notices)
        {
            body.Append(n.State == "firing" ? "[AKTIF] " : "[SELESAI] ").Append(n.Source).Append(": ").AppendLine(n.Summary)
                .Append("  ").AppendLine(n.SummaryEn)
                .Append("  ").Append(n.Key).Append(" · #").Append(n.Id).AppendLine().AppendLine();
        }
        var message = new MailMessage
        {
            From = new MailAddress(settings.From!),
            Subject = $"Dasbor Kota Malang: {firing} peringatan aktif, {resolved} selesai",
            Body = body.ToString(),
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        foreach (var to in (settings.To ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            message.To.Add(to);
        }
        return message;
    }
}
