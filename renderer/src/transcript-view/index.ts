export { transcriptView, viewModeExtension, viewModeOf, rememberedViewMode, openingViewMode, setViewMode, toggleViewMode, viewModeCompartment, VIEW_MODE_EVENT, type EditorViewMode } from './view-mode';
export { structureNotice } from './guard';
export { plainTextOf } from './plain-text';
