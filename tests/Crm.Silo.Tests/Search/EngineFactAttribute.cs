using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crm.Silo.Tests.Search;

/// <summary>A contract fact: skipped with a reason on a class whose <see cref="RequiresEnvironmentAttribute"/> is not met.</summary>
[XunitTestCaseDiscoverer("Crm.Silo.Tests.Search.EngineFactDiscoverer", "Crm.Silo.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;

/// <summary>A contract theory: skipped (as one case) on a class whose <see cref="RequiresEnvironmentAttribute"/> is not met.</summary>
[XunitTestCaseDiscoverer("Crm.Silo.Tests.Search.EngineTheoryDiscoverer", "Crm.Silo.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineTheoryAttribute : TheoryAttribute;

public sealed class EngineFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        SkippedEngineTestCase.For(DiagnosticMessageSink, options, method) ?? base.Discover(options, method, attribute);
}

public sealed class EngineTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        SkippedEngineTestCase.For(DiagnosticMessageSink, options, method) ?? base.Discover(options, method, attribute);
}

/// <summary>A test of a class whose engine is not there: reported skipped, never run.</summary>
public sealed class SkippedEngineTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer", error: true)]
    public SkippedEngineTestCase() { }

    private SkippedEngineTestCase(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method)
        : base(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method) { }

    public static IEnumerable<IXunitTestCase>? For(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method) =>
        RequiresEnvironmentAttribute.SkipReasonFor(method.TestClass.Class.ToRuntimeType()) is null ? null : [new SkippedEngineTestCase(sink, options, method)];

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        RequiresEnvironmentAttribute.SkipReasonFor(TestMethod.TestClass.Class.ToRuntimeType()) ?? base.GetSkipReason(factAttribute);
}
