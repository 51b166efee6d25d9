namespace Steward.Server.Security.Access;

/// <summary>
/// Why a handler refused the credentials a request carried, in words, kept on the request's features so that
/// the 401 problem document says it (<see cref="ProblemRefusals"/>).
/// </summary>
/// <param name="Detail">The problem document's detail.</param>
/// <param name="Challenge">The <c>WWW-Authenticate</c> header.</param>
internal sealed record AuthenticationRefusal(string Detail, string Challenge);
