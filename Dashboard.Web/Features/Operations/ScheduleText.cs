using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Operations;

/// <summary>A cron schedule in words for the common shapes; anything else is shown as the cron itself.</summary>
public static class ScheduleText
{
    public static string Describe(string cron, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var f = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5 || f[2] != "*" || f[3] != "*")
        {
            return cron ?? "";
        }
        var days = f[4] switch
        {
            "*" => "",
            "1-5" => " " + text["ops.schedule.weekdays"].Value,
            _ => null,
        };
        if (days is null)
        {
            return cron!;
        }
        if (f[0].StartsWith("*/", StringComparison.Ordinal) && int.TryParse(f[0][2..], CultureInfo.InvariantCulture, out var every))
        {
            var hours = f[1] == "*" ? "" : Hours(f[1], text);
            return hours is null ? cron! : text["ops.schedule.everyMinutes", every].Value + hours + days;
        }
        if (int.TryParse(f[0], CultureInfo.InvariantCulture, out var minute))
        {
            if (f[1] == "*")
            {
                return text["ops.schedule.hourly", minute].Value + days;
            }
            if (int.TryParse(f[1], CultureInfo.InvariantCulture, out var hour))
            {
                return text["ops.schedule.daily", $"{hour:D2}.{minute:D2}"].Value + days;
            }
        }
        return cron!;
    }

    private static string? Hours(string field, IStringLocalizer text)
    {
        var range = field.Split('-');
        return range.Length == 2 && int.TryParse(range[0], CultureInfo.InvariantCulture, out var from) && int.TryParse(range[1], CultureInfo.InvariantCulture, out var to)
            ? " " + text["ops.schedule.between", $"{from:D2}.00", $"{to:D2}.59"].Value
            : null;
    }
}
