namespace Crm.Web.Tests.Support;

/// <summary>A node as deployed (Production): error answers are what a real client gets, without developer extras.</summary>
public sealed class ProductionWebNodeFixture() : WebNodeFixture("Production");
