using Steward.Server.Security.Access;

namespace Steward.Server.Agents.Cycles;

/// <summary>
/// Decides a maintenance cycle of an authenticated client from its checked request. The one way through a
/// cycle: <see cref="KeptCycleAnswers"/> wraps <see cref="CycleDecider"/>, and whatever else comes to stand
/// between the endpoint and the decision (a rollout's gate) wraps them the same way.
/// </summary>
internal interface ICycleDecider
{
    ValueTask<CycleResult> DecideAsync(AuthenticatedClient caller, CycleInput input, CancellationToken cancellationToken);
}
