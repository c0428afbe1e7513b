namespace DecentWork.ServiceDefaults;

/// <summary>How error texts quote a caller's value: a short prefix, so a huge bad value never comes back whole.</summary>
public static class Quote
{
    public const int MaxLength = 40;

    public static string Prefix(string? value) =>
        value is null ? "''" : value.Length <= MaxLength ? $"'{value}'" : $"'{value[..MaxLength]}…' ({value.Length} characters)";
}
