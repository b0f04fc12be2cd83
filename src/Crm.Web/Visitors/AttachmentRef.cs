namespace Crm.Web.Visitors;

/// <summary>What the widget sends to attach an uploaded file: its id and name, never a storage key.</summary>
public sealed record AttachmentRef(string Id, string FileName);
