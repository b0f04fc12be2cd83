using Crm.Grains.Abstractions.Attachments;

namespace Crm.Web.Visitors;

/// <summary>An attachment as the widget shows it; <see cref="Url"/> needs the visitor token (access_token) to download.</summary>
public sealed record VisitorAttachment(string Id, string FileName, string ContentType, long Size, string Url)
{
    public static VisitorAttachment From(string conversationId, AttachmentDetails a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, $"/api/widget/attachments/{conversationId}/{a.Id}/{Uri.EscapeDataString(a.FileName)}");
}
