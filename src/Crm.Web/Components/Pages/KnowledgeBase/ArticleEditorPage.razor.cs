using Crm.Grains.Abstractions.Errors;
using Crm.Grains.Abstractions.KnowledgeBase;
using Crm.Web.Identity;
using Crm.Web.Security.Authorization;
using Crm.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Components.Pages.KnowledgeBase;

/// <summary>
/// Writes an article in Markdown beside a live preview rendered exactly as the help center renders it (raw HTML
/// escaped). Editors save drafts and publish; everyone else on staff reads.
/// </summary>
public sealed partial class ArticleEditorPage
{
    private ArticleDetails? _details;
    private WorkspaceUser? _user;
    private string? _title, _category, _slug, _body, _error;

    [Inject] private KnowledgeBaseService KnowledgeBase { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>An article id, or "new".</summary>
    [Parameter] public string ArticleId { get; set; } = "";

    private bool IsNew => ArticleId == "new";

    private bool CanEdit => _user?.May(CrmPolicies.ManageKnowledgeBase) == true;

    protected override async Task OnParametersSetAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (_user is null || IsNew) return;
        await RunAsync(async () => Show(await KnowledgeBase.GetAsync(_user, ArticleId)));
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        var saved = IsNew
            ? await KnowledgeBase.CreateAsync(_user!, _title, _category, _slug, _body)
            : await KnowledgeBase.SaveAsync(_user!, ArticleId, _title, _category, _slug, _body);
        Show(saved);
        if (IsNew) Navigation.NavigateTo($"knowledge-base/{saved.ArticleId}");
    });

    private Task PublishAsync() => RunAsync(async () =>
    {
        // Publishing what is on screen: save it first, so nobody publishes a draft other than the one they read.
        await KnowledgeBase.SaveAsync(_user!, ArticleId, _title, _category, _slug, _body);
        Show(await KnowledgeBase.PublishAsync(_user!, ArticleId));
    });

    private Task UnpublishAsync() => RunAsync(async () => Show(await KnowledgeBase.UnpublishAsync(_user!, ArticleId)));

    private Task DeleteAsync() => RunAsync(async () =>
    {
        await KnowledgeBase.DeleteAsync(_user!, ArticleId);
        Navigation.NavigateTo("knowledge-base");
    });

    private void Show(ArticleDetails details) =>
        (_details, _title, _category, _slug, _body, _error) = (details, details.Title, details.Category, details.Slug, details.Body, null);

    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }
}
