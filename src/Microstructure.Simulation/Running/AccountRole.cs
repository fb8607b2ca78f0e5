namespace Microstructure.Simulation.Running;

/// <summary>One account of a run and who uses it.</summary>
/// <param name="AccountId">The exchange account.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Population">For agents: the population name from the scenario; otherwise the role's name.</param>
/// <param name="Member">For agents: the index within the population; otherwise 0.</param>
public readonly record struct AccountRole(long AccountId, AccountRoleKind Kind, string Population, int Member);
