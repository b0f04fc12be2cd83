using Crm.Grains.Abstractions.Search;

namespace Crm.Web.Services;

/// <summary>What the search box, the search page or /api/search asked; the service adds the workspace and the permissions.</summary>
public sealed record SearchRequest(
    string? Text,
    SearchKind? Kind = null,
    string? Status = null,
    string? AssigneeId = null,
    string? Label = null,
    string? Channel = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? Limit = null,
    bool WithFacets = false);
