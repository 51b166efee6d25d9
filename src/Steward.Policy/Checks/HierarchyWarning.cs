namespace Steward.Policy.Checks;

/// <summary>
/// Something in a hierarchy that the SP2 rules make dangerous, with what will happen and how to fix it.
/// </summary>
/// <param name="Code">A stable identifier (<c>mixed-lines</c>, <c>overlap-across-lines</c>, ...), for scripts and suppressions.</param>
/// <param name="Message">What is wrong and what it will do to clients, naming sites, versions and lines.</param>
/// <param name="Fix">What an administrator can do about it.</param>
/// <param name="Site">The index of the site the warning is about in the checked table, or -1.</param>
/// <param name="LogonPoint">The index of the logon point the warning is about in the checked list, or -1.</param>
public sealed record HierarchyWarning(string Code, string Message, string Fix, int Site = -1, int LogonPoint = -1);
