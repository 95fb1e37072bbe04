using System.Reflection;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Auth;

/// <summary>Deny by default for pages: a routable component must say who may see it (a policy) or that anyone may.</summary>
public static class PagePolicy
{
    public static bool IsDeclared(Type pageType)
    {
        ArgumentNullException.ThrowIfNull(pageType);
        return pageType.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
            || pageType.IsDefined(typeof(AllowAnonymousAttribute), inherit: true);
    }
}
