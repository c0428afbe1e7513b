using DecentWork.Testing;

namespace DecentWork.Coordination.Tests;

/// <summary>One coordination service per test class, so each class sees only the data it created.</summary>
public sealed class CoordinationFixture() : ServiceFixture(CoordinationApp.ServiceName, CoordinationApp.Build);
