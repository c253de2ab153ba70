export { transcriptView, viewModeExtension, viewModeOf, rememberedViewMode, openingViewMode, setViewMode, toggleViewMode, viewModeCompartment, viewModeChoice, VIEW_MODE_EVENT, type EditorViewMode } from './view-mode';
export { syncViewModePreference } from './view-preference';
export { structureNotice } from './guard';
export { plainTextOf } from './plain-text';
