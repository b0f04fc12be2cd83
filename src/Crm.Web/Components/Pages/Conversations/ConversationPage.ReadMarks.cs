using Crm.Grains.Abstractions.Conversations;
using Crm.Grains.Abstractions.Errors;

namespace Crm.Web.Components.Pages.Conversations;

/// <summary>Read receipts: when the page tells the conversation that the agent has seen its customer's messages.</summary>
public sealed partial class ConversationPage
{
    /// <summary>
    /// The agent has the thread on screen: tell the conversation (the customer sees "Seen", the inbox drops "unread").
    /// Only when a customer message is newer than what was last marked, so scrolling or pushes cost nothing, and only
    /// while the browser is connected (see ConversationPage.Presence).
    /// </summary>
    private async Task MarkReadAsync()
    {
        var lastCustomer = _messages.Values.LastOrDefault(m => m.Author.Kind == AuthorKind.Customer)?.Seq ?? 0;
        // A reader who does not answer (a sales rep) leaves the conversation unread for the team.
        // A closed page reads nothing: what arrives after the agent left is unread for the team.
        if (_user is null || !CanConverse || Monitoring || _details is null || lastCustomer <= _details.ReadUpTo
            || _closing.IsCancellationRequested || !Circuit.IsConnected) return;
        try
        {
            _details = await Conversations.MarkReadAsync(_user, ConversationId, LastSeq);
        }
        catch (DomainException)
        {
            // Read receipts are a courtesy; the next message tries again.
        }
    }
}
