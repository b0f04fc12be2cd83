using System.Text.RegularExpressions;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Grains.Abstractions.Keys;

/// <summary>
/// Every id in the system (workspace, customer, conversation, agent, queue) is a short lowercase slug or a GUID.
/// Keeping '/' out of ids is what lets grain keys and stream ids carry the workspace id unambiguously.
/// </summary>
public static partial class Ids
{
    public const int MaxLength = 64;

    // \z, not $: in .NET '$' also matches before a final '\n', so "abc\n" passed and reached headers and keys.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9_-]{0,63}\z")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Returns the id, or throws a validation error naming <paramref name="what"/>.</summary>
    public static string Require(string? id, string what) =>
        IsValid(id)
            ? id!
            : throw new DomainException(DomainErrorKind.Invalid,
                $"The {what} id must be 1–{MaxLength} characters of a–z, 0–9, '-' or '_', starting with a letter or digit.");

    public static string New() => Guid.NewGuid().ToString("n");
}
