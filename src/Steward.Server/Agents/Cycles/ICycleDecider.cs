using Steward.Server.Rollouts;
using Steward.Server.Security.Access;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// Decides a maintenance cycle of an authenticated client from its checked request. The one way through a
/// cycle: <see cref="KeptCycleAnswers"/> wraps <see cref="CycleDecider"/>, and whatever else comes to stand
/// between the endpoint and the decision (a rollout's gate) wraps them the same way.
/// </summary>
internal interface ICycleDecider
{
    /// <param name="caller">The client its credentials name, with the facts read with its secret.</param>
    /// <param name="input">The checked request.</param>
    /// <param name="moment">
    /// The rollouts read for this request already (by the kept answers' look-up), so that a cycle reads them once
    /// (decision 0022); null when none were read.
    /// </param>
    /// <param name="cancellationToken">The request's.</param>
    ValueTask<CycleResult> DecideAsync(AuthenticatedClient caller, CycleInput input, RolloutMoment? moment, CancellationToken cancellationToken);
}
