using System.Reflection;
using GrantPortal.Domain.Calls;

namespace GrantPortal.Domain.Tests;

// STYLE.md: the domain knows nothing of EF, HTTP or blobs, and a test keeps it so.
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(GrantCall).Assembly;

    [Fact]
    public void Domain_IsTheGrantPortalDomainAssembly()
    {
        Assert.Equal("GrantPortal.Domain", Domain.GetName().Name);
    }

    [Fact]
    public void Domain_ReferencesOnlySystemAssemblies()
    {
        var foreign = Domain.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard")
            .ToArray();
        Assert.Empty(foreign);
    }

    [Fact]
    public void Domain_PublicTypesLiveUnderGrantPortalDomainNamespace()
    {
        var misplaced = Domain.GetExportedTypes()
            .Where(t => t.Namespace is null
                || !(t.Namespace == "GrantPortal.Domain" || t.Namespace.StartsWith("GrantPortal.Domain.", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToArray();
        Assert.Empty(misplaced);
    }
}
