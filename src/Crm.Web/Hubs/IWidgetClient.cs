using Crm.Web.Visitors;

namespace Crm.Web.Hubs;

/// <summary>What the widget receives: messages of the visitor's own conversations, as visitor views.</summary>
public interface IWidgetClient
{
    Task MessagePosted(string conversationId, VisitorMessage message);
}
