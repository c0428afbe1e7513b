using DecentWork.ServiceDefaults.Security;

namespace DecentWork.ServiceDefaults.Tests.Security;

/// <summary>The README's permission matrix is the enforced one: same policies, same roles, no more, no fewer.</summary>
public class AccessMatrixReadmeTests
{
    [Fact]
    public void ReadmeMatrix_IsTheEnforcedMatrix()
    {
        var table = ReadmeTable();
        var header = Cells(table[0]);
        var roleColumns = header.Skip(2).ToList();
        Assert.Equal(Roles.All.Order(), roleColumns.Order());

        var documented = table.Skip(2).ToDictionary(
            row => Cells(row)[0].Trim('`'),
            row => Cells(row).Skip(2).Select((cell, i) => (cell, role: roleColumns[i])).Where(c => c.cell == "✓").Select(c => c.role).Order().ToList());

        Assert.Equal(AccessPolicies.Matrix.Keys.Order(), documented.Keys.Order());
        foreach (var (policy, roles) in AccessPolicies.Matrix)
            Assert.True(roles.Order().SequenceEqual(documented[policy]),
                $"README gives {policy} to [{string.Join(", ", documented[policy])}], the code to [{string.Join(", ", roles.Order())}]");
    }

    [Fact]
    public void Matrix_NamesOnlyKnownRoles_AndOperationsOnlyTheOperationsPolicies()
    {
        Assert.All(AccessPolicies.Matrix.Values.SelectMany(r => r), role => Assert.Contains(role, Roles.All));
        // Operations moves parked messages and takes backups; it never reads or changes business
        // records through their RPCs, and nobody else holds the operations policies (the parked
        // messages carry those records' content).
        foreach (var (policy, roles) in AccessPolicies.Matrix)
            if (policy.StartsWith("operations.", StringComparison.Ordinal))
                Assert.Equal([Roles.Operations], roles);
            else
                Assert.DoesNotContain(Roles.Operations, roles);
        Assert.Contains(AccessPolicies.OperationsRead, AccessPolicies.Matrix.Keys);
        Assert.Contains(AccessPolicies.OperationsAct, AccessPolicies.Matrix.Keys);
    }

    private static List<string> ReadmeTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var section = Array.FindIndex(lines, l => l.Trim() == "### Permission matrix");
        Assert.True(section >= 0, "README has no '### Permission matrix' section");
        return lines.Skip(section + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
    }

    private static List<string> Cells(string row) => row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DecentWork.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (DecentWork.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
