import type { NotificationPrefs, ProfilePatchInput, UserProfile } from '../../../shared/schemas/profile';

/** The profile form's values as the inputs hold them (symbols as the text the user typed). */
export interface ProfileDraft {
  displayName: string;
  experienceLevel: UserProfile['experienceLevel'];
  preferredSymbols: string;
  defaultTimeframe: UserProfile['defaultTimeframe'];
  tradingStyle: UserProfile['tradingStyle'];
  notificationPrefs: NotificationPrefs;
}

export function draftFromProfile(profile: UserProfile): ProfileDraft {
  return {
    displayName: profile.displayName,
    experienceLevel: profile.experienceLevel,
    preferredSymbols: profile.preferredSymbols.join(', '),
    defaultTimeframe: profile.defaultTimeframe,
    tradingStyle: profile.tradingStyle,
    notificationPrefs: profile.notificationPrefs,
  };
}

/** "spx, spy qqq" → ['spx', 'spy', 'qqq']: commas or spaces separate; the schema upper-cases. */
export function parseSymbols(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Only what differs from the stored profile, so an update never rewrites untouched fields. */
export function changedFields(profile: UserProfile, draft: ProfileDraft): ProfilePatchInput {
  const patch: ProfilePatchInput = {};
  if (draft.displayName !== profile.displayName) patch.displayName = draft.displayName;
  if (draft.experienceLevel !== profile.experienceLevel) patch.experienceLevel = draft.experienceLevel;
  if (draft.defaultTimeframe !== profile.defaultTimeframe) patch.defaultTimeframe = draft.defaultTimeframe;
  if (draft.tradingStyle !== profile.tradingStyle) patch.tradingStyle = draft.tradingStyle;
  const symbols = parseSymbols(draft.preferredSymbols);
  if (symbols.map((s) => s.toUpperCase()).join(',') !== profile.preferredSymbols.join(',')) patch.preferredSymbols = symbols;
  const prefs = Object.entries(draft.notificationPrefs).filter(([key, value]) => profile.notificationPrefs[key as keyof NotificationPrefs] !== value);
  if (prefs.length) patch.notificationPrefs = Object.fromEntries(prefs);
  return patch;
}
