namespace DecentWork.Identity.Endpoints;

/// <summary>
/// The login page only returns to a path on this server (as IUrlHelper.IsLocalUrl decides), so
/// a crafted ReturnUrl cannot send a freshly signed-in user to another site.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return false;
        if (url.Length == 1) return true;
        // "//host" and "/\host" are protocol-relative to browsers.
        if (url[1] is '/' or '\\') return false;
        return !url.Any(char.IsControl);
    }
}
